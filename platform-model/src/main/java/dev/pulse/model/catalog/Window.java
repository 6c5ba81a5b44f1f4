package dev.pulse.model.catalog;

import java.time.Duration;

/**
 * A rollup window.
 *
 * @param slide      for sliding windows, how often a window starts; null for tumbling ones
 * @param topic      the Kafka topic the rollup job writes
 * @param datasource the Druid datasource that ingests the topic (unversioned name)
 */
public record Window(String name, WindowType type, Duration size, Duration slide, String topic, String datasource) {

    /** How often a window closes: the size for tumbling windows, the slide for sliding ones. */
    public Duration granularity() {
        return type == WindowType.SLIDING ? slide : size;
    }
}
