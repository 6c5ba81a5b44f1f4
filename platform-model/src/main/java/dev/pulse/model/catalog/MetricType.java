package dev.pulse.model.catalog;

public enum MetricType {
    /** the sum of a count or sum measure */
    SUM,
    /** the distinct count estimated from an HLL measure */
    DISTINCT,
    /** one filtered measure divided by another */
    RATIO,
    /** a measure divided by the number of {@code per} units in the time bucket */
    RATE
}
