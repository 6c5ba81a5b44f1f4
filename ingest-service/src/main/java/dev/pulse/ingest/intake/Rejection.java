package dev.pulse.ingest.intake;

/**
 * One refused event of a request.
 *
 * @param index   position in the request's batch (0 for a single-event request)
 * @param payload the event exactly as it was sent, so it can be inspected and replayed from the DLQ
 */
public record Rejection(int index, RejectionReason reason, String message, byte[] payload) {
}
