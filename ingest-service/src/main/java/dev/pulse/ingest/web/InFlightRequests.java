package dev.pulse.ingest.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts ingest requests being served right now: {@code pulse.ingest.requests.inflight}. Mapped to requests only
 * (no error or async dispatch), so each request is counted once.
 */
final class InFlightRequests extends HttpFilter {

    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightRequests(MeterRegistry registry) {
        Gauge.builder("pulse.ingest.requests.inflight", inFlight, AtomicInteger::get)
                .description("ingest requests being served, most of them waiting for Kafka's acknowledgement")
                .register(registry);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
