package dev.pulse.model.catalog;

import java.time.Duration;
import java.util.List;

/**
 * A metric users ask for, computed from measures.
 *
 * @param measure     the measure of a {@code sum}, {@code distinct} or {@code rate} metric
 * @param numerator   for {@code ratio} metrics
 * @param denominator for {@code ratio} metrics
 * @param per         for {@code rate} metrics, the unit of time the value is expressed per
 */
public record Metric(
        String name,
        String description,
        MetricType type,
        String measure,
        MeasureFilter numerator,
        MeasureFilter denominator,
        Duration per) {

    /** A measure restricted to some event types (all types when the list is empty). */
    public record MeasureFilter(String measure, List<String> eventTypes) {
        public MeasureFilter {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        }
    }
}
