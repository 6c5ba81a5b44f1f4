package dev.pulse.ingest.intake;

/** Why a whole request was refused: the HTTP status and the code clients see (and metrics are tagged with). */
public enum Refusal {
    UNAUTHORIZED(401, "unauthorized"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    INVALID_JSON(400, "invalid_json"),
    INVALID_GZIP(400, "invalid_gzip"),
    UNSUPPORTED_ENCODING(415, "unsupported_encoding"),
    /** a single-event request whose one event was rejected; the message carries the rejection's code */
    INVALID_EVENT(400, "invalid_event"),
    RATE_LIMITED(429, "rate_limited"),
    KAFKA_UNAVAILABLE(503, "kafka_unavailable"),
    BUFFER_FULL(503, "buffer_full");

    private final int status;
    private final String code;

    Refusal(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
