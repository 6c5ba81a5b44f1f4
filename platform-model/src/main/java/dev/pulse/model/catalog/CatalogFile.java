package dev.pulse.model.catalog;

import java.util.List;

/**
 * The catalog file as written, before validation: every field may be missing. {@link CatalogValidator}
 * turns it into a {@link MetricCatalog} or explains what is wrong.
 */
record CatalogFile(
        Integer version,
        List<WindowEntry> windows,
        List<DimensionEntry> dimensions,
        List<MeasureEntry> measures,
        List<FamilyEntry> families,
        List<MetricEntry> metrics) {

    record WindowEntry(String name, String type, String size, String slide, String topic, String datasource,
                       String rolledUpFrom, List<String> dimensions) {
    }

    record DimensionEntry(String name, String field, Long cardinality, Boolean rollup) {
    }

    record MeasureEntry(String name, String type, String field, Integer lgK) {
    }

    record FamilyEntry(
            String name, List<String> eventTypes, List<String> dimensions, List<String> measures, List<String> windows) {
    }

    record MetricEntry(
            String name, String description, String type, String measure,
            FilterEntry numerator, FilterEntry denominator, String per) {
    }

    record FilterEntry(String measure, List<String> eventTypes) {
    }
}
