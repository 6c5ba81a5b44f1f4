package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.IngestMetrics;
import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.ingest.intake.Source;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Every refusal of the native API as a problem-details body (RFC 9457) with a {@code code}, and Retry-After where it
 * helps. The same body Spring MVC writes for a {@code ProblemDetail}; written here because the native endpoint is
 * served ahead of Spring MVC ({@link NativeEventsEndpoint}).
 */
final class NativeErrors {

    private static final Logger log = LoggerFactory.getLogger(NativeErrors.class);
    static final String ALLOWED_METHODS = "POST, OPTIONS";

    private final IngestMetrics metrics;

    NativeErrors(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    record Problem(String type, String title, int status, String detail, String instance, String code) {
    }

    void refused(RequestRefusedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        metrics.refused(Source.NATIVE, e.refusal());
        e.retryAfterHeader().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
        write(HttpStatus.valueOf(e.status()), e.getMessage(), e.code(), request, response);
    }

    void unreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(HttpStatus.BAD_REQUEST, "the request body could not be read", "unreadable_body", request, response);
    }

    void unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("unexpected failure of a native ingest request", e);
        write(HttpStatus.INTERNAL_SERVER_ERROR, "the service failed; nothing of this request is acknowledged, retry it",
                "internal_error", request, response);
    }

    void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
        write(HttpStatus.METHOD_NOT_ALLOWED, "send events with POST", "method_not_allowed", request, response);
    }

    private static void write(HttpStatus status, String detail, String code, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // a 200 was written already; nothing can be said now
        }
        JsonAnswer.write(response, status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, new Problem("about:blank",
                status.getReasonPhrase(), status.value(), detail, request.getRequestURI(), code));
    }
}
