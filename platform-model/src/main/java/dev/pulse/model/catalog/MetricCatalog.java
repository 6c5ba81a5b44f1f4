package dev.pulse.model.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The metric catalog ({@code catalog/metrics.yaml}): windows, dimensions, measures, families of event types
 * and the metrics users ask for. Built only by {@link CatalogLoader}, which validates every cross-reference,
 * so the lookups below never meet a dangling name.
 */
public record MetricCatalog(
        int version,
        List<Window> windows,
        List<Dimension> dimensions,
        List<Measure> measures,
        List<Family> families,
        List<Metric> metrics) {

    public MetricCatalog {
        windows = List.copyOf(windows);
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        families = List.copyOf(families);
        metrics = List.copyOf(metrics);
    }

    public Optional<Window> window(String name) {
        return windows.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The windows the rollup job computes (and writes a topic for), in catalog order. */
    public List<Window> flinkWindows() {
        return windows.stream().filter(Window::computedByFlink).toList();
    }

    /**
     * The window whose data a window's freshness follows: itself, or for a window Druid rolls up from another,
     * that source window (the rollup job announces progress only for the windows it computes).
     */
    public Window progressSource(Window window) {
        return window.computedByFlink() ? window : window(window.rolledUpFrom()).orElseThrow();
    }

    public Optional<Dimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Measure> measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The dimensions the rollup job keeps (every rollup dimension), in catalog order. */
    public List<Dimension> rollupDimensions() {
        return dimensions.stream().filter(Dimension::rollup).toList();
    }

    /** The dimensions a window's datasource keeps, in catalog order. */
    public List<Dimension> dimensionsOf(Window window) {
        return window.dimensions() == null ? rollupDimensions()
                : rollupDimensions().stream().filter(d -> window.dimensions().contains(d.name())).toList();
    }

    /** The family that rolls up an event type: the one naming it, else the catch-all ({@code "*"}) if any. */
    public Optional<Family> familyOf(String eventType) {
        return families.stream().filter(f -> f.eventTypes().contains(eventType)).findFirst()
                .or(() -> families.stream().filter(Family::catchAll).findFirst());
    }
}
