package dev.pulse.model.catalog;

/**
 * An aggregate stored in every rollup row.
 *
 * @param field the event field it aggregates; null for {@link MeasureType#COUNT}
 * @param lgK   log2 of the HLL sketch's buckets; only for {@link MeasureType#HLL}
 */
public record Measure(String name, MeasureType type, String field, Integer lgK) {

    /**
     * The DataSketches HLL type of every sketch Pulse writes and asks Druid for. HLL_8 (a byte per bucket, 4 KB at
     * lgK 12) rather than the half-size HLL_4: a union reads an HLL_8 sketch with a plain loop, while an HLL_4 one
     * is decoded nibble by nibble with an exception table, and results are converted back. Measured on this
     * machine, one union plus result per sketch: about 200 microseconds for HLL_4 against 5 to 9 for HLL_8, which is
     * what a DAU-per-hour-per-country query pays per answer cell. Sketches of both types merge with each other.
     */
    public static final String HLL_TYPE = "HLL_8";
}
