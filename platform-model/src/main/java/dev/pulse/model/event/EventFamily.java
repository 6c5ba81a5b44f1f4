package dev.pulse.model.event;

import dev.pulse.model.Topics;

/** The families that partition events across Kafka topics; unknown event types fall into {@link #OTHER}. */
public enum EventFamily {
    PAGE_VIEW("page_view"),
    CLICK("click"),
    TRANSACTION("transaction"),
    OTHER("other");

    private final String id;

    EventFamily(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String topic() {
        return Topics.eventsOf(this);
    }

    public static EventFamily of(String eventType) {
        for (EventFamily family : values()) {
            if (family != OTHER && family.id.equals(eventType)) {
                return family;
            }
        }
        return OTHER;
    }
}
