package dev.pulse.ingest.segment;

import dev.pulse.ingest.intake.IngestMetrics;
import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.ingest.intake.Source;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of the Segment API as Segment answers it: {@code {"code":"...","message":"..."}}. */
@RestControllerAdvice(assignableTypes = SegmentController.class)
class SegmentErrors {

    /**
     * analytics.js waits this many seconds after a 429 before it retries, and reads no {@code Retry-After}; without
     * it the SDK retries on its own 5 s schedule, whatever the key's rate allows.
     */
    static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

    private static final Logger log = LoggerFactory.getLogger(SegmentErrors.class);

    private final IngestMetrics metrics;

    SegmentErrors(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler
    ResponseEntity<SegmentError> refused(RequestRefusedException e) {
        metrics.refused(Source.SEGMENT, e.refusal());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        e.retryAfterHeader().ifPresent(seconds -> {
            response.header(HttpHeaders.RETRY_AFTER, seconds);
            if (e.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                response.header(RATE_LIMIT_RESET, seconds);
            }
        });
        return response.body(new SegmentError(e.code(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<SegmentError> unreadable(UncheckedIOException e) {
        return ResponseEntity.badRequest().body(new SegmentError("unreadable_body", "the request body could not be read"));
    }

    @ExceptionHandler
    ResponseEntity<SegmentError> unexpected(RuntimeException e) {
        log.error("unexpected failure of a Segment ingest request", e);
        return ResponseEntity.internalServerError().body(new SegmentError("internal_error",
                "the service failed; nothing of this request is acknowledged, retry it"));
    }

    record SegmentError(String code, String message) {
    }
}
