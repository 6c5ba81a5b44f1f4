package dev.pulse.router.api;

import dev.pulse.router.admin.VersionsUnavailableException;
import dev.pulse.router.druid.DruidQueryException;
import dev.pulse.router.druid.DruidTimeoutException;
import dev.pulse.router.druid.DruidUnavailableException;
import dev.pulse.router.query.BadQueryException;
import dev.pulse.router.security.AccessDeniedException;
import dev.pulse.router.security.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where failures become RFC 9457 problem details. */
@RestControllerAdvice
class ProblemMapping {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapping.class);

    @ExceptionHandler({BadQueryException.class, DruidQueryException.class})
    ProblemDetail badQuery(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad query", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad query", "the body is not the JSON this endpoint takes");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(DruidUnavailableException.class)
    ProblemDetail unavailable(DruidUnavailableException e) {
        log.warn("Druid unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Druid unavailable", e.getMessage());
    }

    @ExceptionHandler(VersionsUnavailableException.class)
    ProblemDetail versionsUnavailable(VersionsUnavailableException e) {
        log.warn("datasource switch not stored: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Switch not stored", e.getMessage());
    }

    @ExceptionHandler(DruidTimeoutException.class)
    ProblemDetail timeout(DruidTimeoutException e) {
        log.warn("Druid timeout: {}", String.valueOf(e.getCause()).lines().findFirst().orElse(""));
        return problem(HttpStatus.GATEWAY_TIMEOUT, "Query timed out", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
