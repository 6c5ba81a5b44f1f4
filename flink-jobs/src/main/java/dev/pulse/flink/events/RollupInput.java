package dev.pulse.flink.events;

/**
 * What the rollup needs of one clean event. It stays within the rollup job's reading chain (the pane combiner sends a
 * {@link PanePartial} across the shuffle), so it is never serialised there and has no serializer of its own: Flink's
 * POJO serializer would carry it if a chain were ever broken ({@code TypeSerializationTest}).
 *
 * @param key        family and dimension values, the key rows are aggregated by
 * @param family     index of the family in the {@code RollupPlan}
 * @param dimensions values of the plan's rollup dimensions ({@code null} where the family does not keep one)
 * @param revenue    0 when the event has none
 * @param json       the clean event, for the lateness check (late events go out whole); the pane combiner, which
 *                   takes the events let through, keeps only the other fields
 */
public record RollupInput(
        String key, int family, String[] dimensions, long timestamp, double revenue, String userId, byte[] json) {

}
