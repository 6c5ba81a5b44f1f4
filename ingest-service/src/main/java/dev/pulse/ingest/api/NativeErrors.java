package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.IngestMetrics;
import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.ingest.intake.Source;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of the native API as a problem-details body with a {@code code}, and Retry-After where it helps. */
@RestControllerAdvice(assignableTypes = NativeEventsController.class)
class NativeErrors {

    private static final Logger log = LoggerFactory.getLogger(NativeErrors.class);

    private final IngestMetrics metrics;

    NativeErrors(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RequestRefusedException e) {
        metrics.refused(Source.NATIVE, e.refusal());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setProperty("code", e.code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        e.retryAfterHeader().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(UncheckedIOException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body could not be read");
        problem.setProperty("code", "unreadable_body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("unexpected failure of a native ingest request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed; nothing of this request is acknowledged, retry it");
        problem.setProperty("code", "internal_error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
