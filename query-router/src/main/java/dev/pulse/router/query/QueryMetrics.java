package dev.pulse.router.query;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters of routing and caching decisions. */
public final class QueryMetrics {

    private final MeterRegistry meters;

    public QueryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void routed(String target, String datasource) {
        meters.counter("pulse.query.route", "target", target, "datasource", datasource).increment();
    }

    void cache(String result) {
        meters.counter("pulse.query.cache", "result", result).increment();
    }

    /** A hit served from this instance's memory ({@code LocalAnswers}); also counted as a hit above. */
    void localHit() {
        meters.counter("pulse.query.cache.local.hits").increment();
    }

    /**
     * A query whose cells could be single stored rows ({@code StoredCells}): "answered" when all were, "regrouped"
     * when the buckets holding a cell stored in several rows were grouped by Druid after the scan, "limit" when the
     * scan hit the query's limit and the whole range was grouped.
     */
    void storedCells(String outcome) {
        meters.counter("pulse.query.stored.cells", "outcome", outcome).increment();
    }

    void coalesced() {
        meters.counter("pulse.query.cache.coalesced").increment();
    }
}
