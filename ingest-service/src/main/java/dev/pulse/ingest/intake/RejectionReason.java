package dev.pulse.ingest.intake;

/** Why one event was refused. The code is what clients see, what the DLQ stores and what metrics are tagged with. */
public enum RejectionReason {
    INVALID_JSON("invalid_json"),
    MISSING_USER("missing_user"),
    MISSING_EVENT_ID("missing_event_id"),
    MISSING_EVENT_TYPE("missing_event_type"),
    UNKNOWN_TYPE("unknown_type"),
    INVALID_FIELD("invalid_field"),
    EVENT_TOO_LARGE("event_too_large"),
    TIMESTAMP_IN_FUTURE("timestamp_in_future");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
