package dev.pulse.model.catalog;

import java.time.Duration;
import java.util.List;

/**
 * A rollup window.
 *
 * @param slide        for sliding windows, how often a window starts; null for tumbling ones
 * @param topic        the Kafka topic the rollup rows come from: the one the rollup job writes for this window, or
 *                     for a window rolled up by Druid, its source window's topic
 * @param datasource   the Druid datasource that ingests the topic (unversioned name)
 * @param rolledUpFrom the window whose rows Druid rolls up into this coarser one as it ingests them; null when the
 *                     rollup job computes the window itself
 * @param dimensions   the dimensions a rolled-up window keeps (Druid merges the rows across the others); null when it
 *                     keeps every rollup dimension
 */
public record Window(String name, WindowType type, Duration size, Duration slide, String topic, String datasource,
                     String rolledUpFrom, List<String> dimensions) {

    public Window {
        dimensions = dimensions == null ? null : List.copyOf(dimensions);
    }

    /** How often a window closes: the size for tumbling windows, the slide for sliding ones. */
    public Duration granularity() {
        return type == WindowType.SLIDING ? slide : size;
    }

    /** Whether the rollup job computes this window (else Druid derives it from another window's rows). */
    public boolean computedByFlink() {
        return rolledUpFrom == null;
    }
}
