package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.ingest.web.IngestRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code POST /v1/events}: a JSON array of events, or {@code {"batch":[...]}}.
 *
 * <p>Served by a filter at the end of the chain (after CORS, the request metrics and the in-flight gauge), not by a
 * Spring MVC controller: the SDKs' hot path skips the dispatcher's handler lookup, argument resolution and
 * exception advice. Side by side in one service, that cut its CPU per event by 9.5 % at full load (ingest benchmark,
 * docs/benchmarks.md). Any other method is answered here too (CORS preflights are answered before, by the CORS filter).
 */
final class NativeEventsEndpoint extends HttpFilter {

    static final String PATH = "/v1/events";

    private final NativeIngest ingest;
    private final NativeErrors errors;
    private final int maxRequestBytes;
    private final Clock clock;

    NativeEventsEndpoint(NativeIngest ingest, NativeErrors errors, int maxRequestBytes, Clock clock) {
        this.ingest = ingest;
        this.errors = errors;
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the request metrics (http.server.requests) tag this path as Spring MVC would tag its mapping
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        String method = request.getMethod();
        if (HttpMethod.OPTIONS.matches(method)) {
            // a CORS preflight was answered by the CORS filter before; this is a plain OPTIONS
            response.setHeader(HttpHeaders.ALLOW, NativeErrors.ALLOWED_METHODS);
            return;
        }
        if (!HttpMethod.POST.matches(method)) {
            errors.methodNotAllowed(request, response);
            return;
        }
        Instant receivedAt = clock.instant();
        try {
            // a refusal is thrown before anything is written
            ingest.ingest(IngestRequest.read(request, maxRequestBytes, receivedAt)).writeTo(response);
        } catch (RequestRefusedException e) {
            errors.refused(e, request, response);
        } catch (UncheckedIOException unreadable) {
            errors.unreadable(request, response);
        } catch (RuntimeException e) {
            errors.unexpected(e, request, response);
        }
    }
}
