package dev.pulse.ingest.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * Event time corrected for a client's wrong clock, the way Segment documents it:
 * {@code timestamp = receivedAt - (sentAt - originalTimestamp)}. Both client times come from the same (wrong)
 * clock, so their difference is trustworthy even when each alone is not.
 */
public final class ClockSkew {

    private ClockSkew() {
    }

    /**
     * @param clientTimestamp when the event happened by the client's clock; null means "now"
     * @param sentAt          when the client sent the request by the same clock; null means no correction
     */
    public static Instant correct(Instant clientTimestamp, Instant sentAt, Instant receivedAt) {
        if (clientTimestamp == null) {
            return receivedAt;
        }
        if (sentAt == null) {
            return clientTimestamp;
        }
        return receivedAt.minus(Duration.between(clientTimestamp, sentAt));
    }
}
