package dev.pulse.model.event;

import dev.pulse.model.Topics;

/** The families that partition events across Kafka topics; unknown event types fall into {@link #OTHER}. */
public enum EventFamily {
    PAGE_VIEW("page_view"),
    CLICK("click"),
    TRANSACTION("transaction"),
    OTHER("other");

    /** values() copies its array on every call; of() runs once per event. */
    private static final EventFamily[] FAMILIES = values();

    private final String id;
    // built on first use rather than in the constructor, so that enum and Topics never initialise each other
    private volatile String topic;

    EventFamily(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The family's topic; the same String every time, so the producer's per-topic lookups hash it once. */
    public String topic() {
        String name = topic;
        if (name == null) {
            name = Topics.eventsOf(this);
            topic = name;
        }
        return name;
    }

    public static EventFamily of(String eventType) {
        for (EventFamily family : FAMILIES) {
            if (family != OTHER && family.id.equals(eventType)) {
                return family;
            }
        }
        return OTHER;
    }
}
