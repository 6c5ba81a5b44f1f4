package dev.pulse.flink.events;

/**
 * One additive delta of one window: what changed for a key since the last firing. Druid sums {@code events} and
 * {@code revenue} and merges {@code users} sketches, so the deltas of a window add up to its exact total.
 *
 * @param window      the catalog window name ({@code 1m}, {@code 5m}, {@code 1h_sliding})
 * @param windowStart epoch milliseconds; Druid's {@code __time}
 * @param dimensions  aligned with the plan's rollup dimensions
 * @param revenue     null when the family does not measure revenue
 * @param users       base64 of a compact DataSketches HLL sketch ({@code Measure.HLL_TYPE}) of the delta's user ids
 */
public record RollupRow(
        String window, long windowStart, int family, String[] dimensions, long events, Double revenue, String users) {
}
