package dev.pulse.ingest.intake;

/** Thrown by the mappers for one event that cannot be accepted; it never leaves the batch that holds the event. */
public class RejectedEventException extends RuntimeException {

    private final RejectionReason reason;

    public RejectedEventException(RejectionReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
