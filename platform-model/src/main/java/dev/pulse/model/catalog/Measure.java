package dev.pulse.model.catalog;

/**
 * An aggregate stored in every rollup row.
 *
 * @param field the event field it aggregates; null for {@link MeasureType#COUNT}
 * @param lgK   log2 of the HLL sketch's buckets; only for {@link MeasureType#HLL}
 */
public record Measure(String name, MeasureType type, String field, Integer lgK) {
}
