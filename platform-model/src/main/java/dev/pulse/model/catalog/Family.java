package dev.pulse.model.catalog;

import java.util.List;

/**
 * Event types rolled up together.
 *
 * @param eventTypes the event types it takes; {@code "*"} takes every type no other family names
 */
public record Family(
        String name, List<String> eventTypes, List<String> dimensions, List<String> measures, List<String> windows) {

    public static final String ANY_EVENT_TYPE = "*";

    public Family {
        eventTypes = List.copyOf(eventTypes);
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        windows = List.copyOf(windows);
    }

    public boolean catchAll() {
        return eventTypes.contains(ANY_EVENT_TYPE);
    }
}
