package dev.pulse.model.catalog;

/**
 * A column to group and filter by.
 *
 * @param field       where the value lives in the event: {@code event_type}, {@code context.country},
 *                    {@code properties.sku}, ...
 * @param cardinality the expected number of distinct values
 * @param rollup      false for dimensions kept in {@code events_raw} only
 */
public record Dimension(String name, String field, long cardinality, boolean rollup) {
}
