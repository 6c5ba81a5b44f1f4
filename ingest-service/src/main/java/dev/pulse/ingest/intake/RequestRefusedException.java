package dev.pulse.ingest.intake;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that gets no 200. Each API maps it once to its error body (problem details for the native API,
 * {@code {"code","message"}} for the Segment API), with {@code Retry-After} when retrying later will help.
 */
public class RequestRefusedException extends RuntimeException {

    private final Refusal refusal;
    private final String code;
    private final Duration retryAfter;

    public RequestRefusedException(Refusal refusal, String message) {
        this(refusal, refusal.code(), message, null, null);
    }

    private RequestRefusedException(Refusal refusal, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.refusal = refusal;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static RequestRefusedException retryLater(Refusal refusal, String message, Duration retryAfter, Throwable cause) {
        return new RequestRefusedException(refusal, refusal.code(), message, retryAfter, cause);
    }

    /** A single-event request whose event was rejected: the client sees the rejection's own code. */
    public static RequestRefusedException invalidEvent(Rejection rejection) {
        return new RequestRefusedException(Refusal.INVALID_EVENT, rejection.reason().code(), rejection.message(), null, null);
    }

    public Refusal refusal() {
        return refusal;
    }

    public int status() {
        return refusal.status();
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code Retry-After} header value: whole seconds, rounded up, at least 1. */
    public Optional<String> retryAfterHeader() {
        return retryAfter().map(wait -> Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}
