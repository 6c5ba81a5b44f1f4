package dev.pulse.model.catalog;

public enum MeasureType {
    /** number of events; a long sum in Druid */
    COUNT,
    /** sum of a numeric field; a double sum in Druid */
    SUM,
    /** distinct values of a field as a DataSketches HLL sketch, merged by Druid */
    HLL
}
