package dev.pulse.router.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.it.RouterInstance.Answer;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.KeepAliveHttpClient;
import dev.pulse.testing.StackAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark, run on demand (not part of the test suite, the name matches no test pattern):
 * {@code mvn -pl query-router verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=QueryRouterBenchmark -Dbench.events=10000000}. Loads generated events into benchmark datasources
 * (raw, and the rollup job's 5-minute rows of the same data with Druid's hourly rollup of them), measures the
 * DAU-by-country-per-hour 7-day query, replays dashboard viewers, prints a report (also to
 * target/benchmark-report.md) and drops the datasources.
 */
@ExtendWith(PulseStackExtension.class)
class QueryRouterBenchmark {

    private static final long EVENTS = Long.getLong("bench.events", 10_000_000L);
    private static final int VIEWERS = Integer.getInteger("bench.viewers", 1000);
    private static final Duration REPLAY = Duration.ofSeconds(Long.getLong("bench.replaySeconds", 60L));

    /**
     * Hits before the measured ones: C2 compiles a method after some ten thousand calls, and until then the hit path
     * runs profiled C1 code while the compiler takes a core.
     */
    private static final int CACHED_WARM_UP_RUNS = Integer.getInteger("bench.cachedWarmUpRuns", 10_000);
    /**
     * Uncached runs before the measured ones, on each instance: a fresh instance's first queries run while the JIT
     * compiles Spring's, Avatica's and Jackson's paths (single C2 compilations of over a second were seen), which on
     * two cores slows the queries beside it. A router in service is warm.
     */
    private static final int UNCACHED_WARM_UP_RUNS = Integer.getInteger("bench.uncachedWarmUpRuns", 100);
    private static final List<String> ALL_DIMENSIONS = List.of("event_type", "country", "device", "platform");

    private final StringBuilder report = new StringBuilder();

    @Test
    void run(StackAddresses stack) throws Exception {
        String suffix = System.getProperty("bench.suffix", "_bench" + (System.currentTimeMillis() % 1_000_000));
        Map<String, String> datasources = Map.of("events_raw", "events_raw" + suffix, "rollup_5m", "rollup_5m" + suffix,
                "rollup_1h", "rollup_1h" + suffix, "rollup_1h_country", "rollup_1h_country" + suffix);
        DruidBatch druid = new DruidBatch(stack.druidCoordinatorUrl(), stack.druidBrokerUrl());
        // kept data is measured over the week it was loaded for, not the week before this run's hour
        Instant to = Boolean.getBoolean("bench.skipLoad")
                ? druid.latest(datasources.get("events_raw")).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))
                : Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(7));
        try {
            if (!Boolean.getBoolean("bench.skipLoad")) {
                load(druid, datasources, from, to);
            }
            line("Data: %,d events over 7 days (%s to %s), %s; datasources %s.", EVENTS, from, to,
                    BenchmarkData.DESCRIPTION, datasources.values());
            latencies(stack, datasources, from, to);
            replay(stack, datasources);
        } finally {
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-report.md"), report.toString());
            if (!Boolean.getBoolean("bench.keep")) {
                datasources.values().forEach(druid::drop);
            }
        }
    }

    private void load(DruidBatch druid, Map<String, String> names, Instant from, Instant to) throws Exception {
        // kept between attempts of the same hour, so a run cut short by the shared stack does not generate again
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "pulse-bench-" + to.getEpochSecond() + "-" + EVENTS);
        Instant start = Instant.now();
        if (!Files.exists(dir.resolve("done"))) {
            Files.createDirectories(dir);
            long rows = BenchmarkData.generate(dir.resolve("events.csv"), dir.resolve("rollup-5m.json"), EVENTS,
                    from, to);
            Files.writeString(dir.resolve("done"), Long.toString(rows));
        }
        long rollupRows = Long.parseLong(Files.readString(dir.resolve("done")).trim());
        line("Generated %,d events as CSV and their %,d five-minute rollup rows (sketches built as the rollup job"
                + " builds them) in %d s.", EVENTS, rollupRows, Duration.between(start, Instant.now()).toSeconds());

        start = Instant.now();
        String rawTask = druid.ingestLocalCsv(DruidBatch.rawSchema(names.get("events_raw")), dir.toString(),
                "events.csv", BenchmarkData.CSV_COLUMNS, 1);
        // the rollup datasources ingest the rollup job's rows the way their supervisors do; the hourly one is
        // Druid's own rollup of the 5-minute rows, as the catalog's `rolled_up_from` window is in production
        Map<String, String> rollupTasks = new java.util.LinkedHashMap<>();
        rollupTasks.put("rollup_5m", druid.ingestLocal(DruidBatch.prebuiltRollupSchema(names.get("rollup_5m"),
                "five_minute", ALL_DIMENSIONS), dir.toString(), "rollup-5m.json"));
        rollupTasks.put("rollup_1h", druid.ingestLocal(DruidBatch.prebuiltRollupSchema(names.get("rollup_1h"), "hour",
                ALL_DIMENSIONS), dir.toString(), "rollup-5m.json"));
        rollupTasks.put("rollup_1h_country", druid.ingestLocal(DruidBatch.prebuiltRollupSchema(
                names.get("rollup_1h_country"), "hour", List.of("country")), dir.toString(), "rollup-5m.json"));
        for (Map.Entry<String, String> task : rollupTasks.entrySet()) {
            druid.awaitQueryable(task.getValue(), names.get(task.getKey()), "SUM(\"events\")", EVENTS,
                    Duration.ofMinutes(60));
        }
        druid.awaitQueryable(rawTask, names.get("events_raw"), "COUNT(*)", EVENTS, Duration.ofMinutes(60));
        line("Loaded the datasources with native batch ingestion (four tasks at once) in %d s; rows:"
                + " events_raw %,d, rollup_5m %,d, rollup_1h %,d, rollup_1h_country %,d.",
                Duration.between(start, Instant.now()).toSeconds(), druid.rowCount(names.get("events_raw")),
                druid.rowCount(names.get("rollup_5m")), druid.rowCount(names.get("rollup_1h")),
                druid.rowCount(names.get("rollup_1h_country")));
        try (var paths = Files.list(dir)) {
            for (Path p : paths.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private void latencies(StackAddresses stack, Map<String, String> datasources, Instant from, Instant to)
            throws Exception {
        String query = "{\"metrics\":[\"dau\"],\"range\":{\"from\":\"" + from + "\",\"to\":\"" + to
                + "\"},\"granularity\":\"hour\",\"groupBy\":[\"country\"],\"limit\":50000}";
        int rollupRuns = Integer.getInteger("bench.rollupRuns", 50);
        int rawRuns = Integer.getInteger("bench.rawRuns", 10);
        int cachedRuns = Integer.getInteger("bench.cachedRuns", 500);
        try (RouterInstance uncached = new RouterInstance(stack, Map.of("pulse.router.cache.enabled", "false",
                "pulse.router.progress.enabled", "false", "pulse.router.druid.adhoc.timeout", "300s",
                // the router's own time per request (Spring's server timer), beside the client's
                "management.metrics.distribution.percentiles.http.server.requests", "0.5,0.99",
                "management.metrics.distribution.expiry.http.server.requests", "30m"))) {
            uncached.useDatasources(datasources);
            Answer rollupAnswer = uncached.post("/v1/query/metrics", RouterInstance.VIEWER, query);
            Answer rawAnswer = uncached.post("/v1/query/adhoc", RouterInstance.ANALYST, query);
            assertThat(rollupAnswer.status()).as(rollupAnswer.body().toString()).isEqualTo(200);
            assertThat(rawAnswer.status()).as(rawAnswer.body().toString()).isEqualTo(200);
            line("Answer: %d rows (168 hours x 20 countries) from `%s` and %d rows from `%s`; %s.",
                    rollupAnswer.rows().size(), rollupAnswer.body().path("route").path("datasource").asText(),
                    rawAnswer.rows().size(), rawAnswer.body().path("route").path("datasource").asText(),
                    compare(rollupAnswer, rawAnswer, "HLL sketches: a merge of 5-minute sketches vs one sketch over raw rows"));
            List<Long> rollup;
            try (KeepAliveTimer timer = KeepAliveTimer.post(uncached, "/v1/query/metrics", RouterInstance.VIEWER, query)) {
                rollup = time(UNCACHED_WARM_UP_RUNS, rollupRuns, timer::micros);
            }
            line("Rollup path: %s; %s; %s.", storedCells(uncached), druidLatency(uncached),
                    serverTime(uncached, "/v1/query/metrics"));
            List<Long> raw;
            try (KeepAliveTimer timer = KeepAliveTimer.post(uncached, "/v1/query/adhoc", RouterInstance.ANALYST, query)) {
                // two: the router's path is warm from the rollup runs, and Druid's from the first raw answer
                raw = time(2, rawRuns, timer::micros);
            }
            // the same rollup query as Druid answers it without the stored-cells scan: every cell's sketch merged
            List<Long> grouped;
            try (RouterInstance groupedOnly = new RouterInstance(stack, Map.of("pulse.router.cache.enabled", "false",
                    "pulse.router.progress.enabled", "false", "pulse.router.druid.stored-cells", "false"))) {
                groupedOnly.useDatasources(datasources);
                Answer groupedAnswer = groupedOnly.post("/v1/query/metrics", RouterInstance.VIEWER, query);
                line("Grouped query (stored-cells scan off) against the scan: %s.", compare(groupedAnswer, rollupAnswer,
                        "the stored sketch estimated as it is vs its union on the broker"));
                try (KeepAliveTimer timer = KeepAliveTimer.post(groupedOnly, "/v1/query/metrics", RouterInstance.VIEWER,
                        query)) {
                    grouped = time(UNCACHED_WARM_UP_RUNS, rollupRuns, timer::micros);
                }
                line("Grouped path: %s.", druidLatency(groupedOnly));
            }
            line("");
            line("| DAU by country per hour, 7 days | runs | p50 | p99 |");
            line("|---|---|---|---|");
            row("rollup (" + rollupAnswer.body().path("route").path("datasource").asText() + "), uncached", rollup);
            row("baseline: rollup, uncached, grouped query (`stored-cells` off)", grouped);
            row("raw (events_raw), uncached", raw);
            String cachedServerTime;
            try (RouterInstance cached = new RouterInstance(stack, Map.of("pulse.router.progress.enabled", "false",
                    "pulse.router.cache.settled-ttl", "1h", "pulse.router.druid.adhoc.timeout", "300s",
                    "management.metrics.distribution.percentiles.http.server.requests", "0.5,0.99",
                    "management.metrics.distribution.expiry.http.server.requests", "30m"))) {
                cached.useDatasources(datasources);
                // a fresh instance: its first hits would measure the JIT compiling the hit path, not the hit path
                try (KeepAliveTimer rollupHits = KeepAliveTimer.post(cached, "/v1/query/metrics", RouterInstance.VIEWER,
                        query);
                     KeepAliveTimer rawHits = KeepAliveTimer.post(cached, "/v1/query/adhoc", RouterInstance.ANALYST,
                             query)) {
                    // both endpoints warm before either is measured
                    time(CACHED_WARM_UP_RUNS, 0, rawHits::micros);
                    line("| (cached: after %,d unmeasured runs of each on the instance) | | | |", CACHED_WARM_UP_RUNS);
                    row("rollup, cached (hit)", time(CACHED_WARM_UP_RUNS, cachedRuns, rollupHits::micros));
                    // read before the one-row hits below go through the same endpoint
                    cachedServerTime = serverTime(cached, "/v1/query/metrics");
                    row("raw, cached (hit)", time(0, cachedRuns, rawHits::micros));
                }
                // the same hits through the JDK's HttpClient, as the earlier runs measured them
                row("baseline: rollup, cached, through the JDK's `HttpClient`", time(0, cachedRuns,
                        () -> checked(cached.postTimed("/v1/query/metrics", RouterInstance.VIEWER, query))));
                // what any request costs on this machine at the time, to read the cached rows against
                String oneRow = query.replace("\"granularity\":\"hour\",\"groupBy\":[\"country\"]",
                        "\"granularity\":\"all\"");
                assertThat(oneRow).isNotEqualTo(query);
                try (KeepAliveTimer oneRowHits = KeepAliveTimer.post(cached, "/v1/query/metrics", RouterInstance.VIEWER,
                        oneRow);
                     KeepAliveTimer catalog = KeepAliveTimer.get(cached, "/v1/catalog", RouterInstance.VIEWER)) {
                    row("baseline: one-row answer of the same range, cached",
                            time(CACHED_WARM_UP_RUNS, cachedRuns, oneRowHits::micros));
                    row("baseline: `GET /v1/catalog` (neither Druid nor Redis)",
                            time(CACHED_WARM_UP_RUNS, cachedRuns, catalog::micros));
                }
            }
            // the same hits from Redis alone, without the instance's copies (LocalAnswers)
            try (RouterInstance redisOnly = new RouterInstance(stack, Map.of("pulse.router.progress.enabled", "false",
                    "pulse.router.cache.settled-ttl", "1h", "pulse.router.cache.local-bytes", "0"));
                 KeepAliveTimer redisHits = KeepAliveTimer.post(redisOnly, "/v1/query/metrics", RouterInstance.VIEWER,
                         query)) {
                redisOnly.useDatasources(datasources);
                row("baseline: rollup, cached, Redis only (`local-bytes` 0)",
                        time(CACHED_WARM_UP_RUNS, cachedRuns, redisHits::micros));
            }
            line("");
            line("Rollup hits (with their %,d warm-up runs): %s.", CACHED_WARM_UP_RUNS, cachedServerTime);
            line("");
            line("Rollup vs raw, uncached: %.1fx faster at p50, %.1fx at p99.",
                    (double) pct(raw, 50) / pct(rollup, 50), (double) pct(raw, 99) / pct(rollup, 99));
        }
    }

    /** How the instance's rollup queries were answered ({@code StoredCells} outcomes). */
    private static String storedCells(RouterInstance router) {
        MeterRegistry meters = router.bean(MeterRegistry.class);
        return "stored cells " + meters.find("pulse.query.stored.cells").counters().stream()
                .map(c -> c.getId().getTag("outcome") + " " + (long) c.count()).sorted().toList();
    }

    /** The router's own time per request to {@code uri}: from Tomcat receiving it to the answer written. */
    private static String serverTime(RouterInstance router, String uri) {
        Timer timer = router.bean(MeterRegistry.class).find("http.server.requests").tag("uri", uri).timer();
        return timer == null ? "no server timer" : "server side " + percentiles(timer);
    }

    /** The part of the rollup queries' time spent waiting for Druid (JDBC), as the router's own timer saw it. */
    private static String druidLatency(RouterInstance router) {
        Timer timer = router.bean(MeterRegistry.class).find("pulse.query.druid.latency").tag("route", "rollup").timer();
        if (timer == null) {
            return "no Druid calls";
        }
        return "Druid " + percentiles(timer);
    }

    private static String percentiles(Timer timer) {
        var snapshot = timer.takeSnapshot();
        StringBuilder text = new StringBuilder(String.format("%d calls, mean %.1f ms", snapshot.count(),
                snapshot.mean(java.util.concurrent.TimeUnit.MILLISECONDS)));
        for (var p : snapshot.percentileValues()) {
            text.append(String.format(", p%.0f %.1f ms", p.percentile() * 100,
                    p.value(java.util.concurrent.TimeUnit.MILLISECONDS)));
        }
        return text.toString();
    }

    private static String compare(Answer a, Answer b, String why) {
        double maxRelative = 0;
        Map<String, Double> left = new java.util.HashMap<>();
        a.rows().forEach(r -> left.put(r.path("time").asText() + r.path("country").asText(), r.path("dau").asDouble()));
        int matched = 0;
        for (var r : b.rows()) {
            Double other = left.get(r.path("time").asText() + r.path("country").asText());
            if (other != null) {
                matched++;
                maxRelative = Math.max(maxRelative, Math.abs(other - r.path("dau").asDouble()) / Math.max(1, other));
            }
        }
        return String.format("%d rows matched, largest DAU difference %.2f%% (%s)", matched, 100 * maxRelative, why);
    }

    /** One call's time in microseconds; throws unless it was answered 200. */
    private interface Call {
        long micros() throws Exception;
    }

    private static long checked(RouterInstance.Timed timed) {
        if (timed.answer().status() != 200) {
            throw new IllegalStateException("benchmark query failed: " + timed.answer().body());
        }
        return timed.micros();
    }

    /**
     * Time of each of {@code runs} calls over HTTP, from sending it to its answer's last byte, in microseconds, sorted;
     * after {@code warmUp} unmeasured calls.
     */
    private static List<Long> time(int warmUp, int runs, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.micros();
        }
        List<Long> micros = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            micros.add(call.micros());
        }
        Collections.sort(micros);
        return micros;
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void row(String name, List<Long> micros) {
        line("| %s | %d | %.1f ms | %.1f ms |", name, micros.size(), pct(micros, 50) / 1000.0, pct(micros, 99) / 1000.0);
    }

    /**
     * Viewers of one dashboard (four panels, all live ranges) refreshing every 5 s, spread evenly over the
     * period, for the replay's duration. Without a cache each panel refresh is one Druid query; with it, Druid
     * sees what the router's Druid timer counts.
     */
    private void replay(StackAddresses stack, Map<String, String> datasources) throws Exception {
        List<String> panels = List.of(
                "{\"metrics\":[\"events\"],\"range\":{\"last\":\"24h\"},\"granularity\":\"hour\",\"groupBy\":[\"country\"]}",
                "{\"metrics\":[\"dau\"],\"range\":{\"last\":\"24h\"},\"granularity\":\"hour\"}",
                "{\"metrics\":[\"revenue\",\"conversion_rate\"],\"range\":{\"last\":\"7d\"},\"granularity\":\"day\"}",
                "{\"metrics\":[\"events_per_minute\"],\"range\":{\"last\":\"1h\"},\"granularity\":\"5minute\","
                        + "\"groupBy\":[\"device\"]}");
        try (RouterInstance router = new RouterInstance(stack, Map.of("pulse.router.progress.enabled", "false"))) {
            router.useDatasources(datasources);
            MeterRegistry meters = router.bean(MeterRegistry.class);
            long refreshMillis = 5000;
            long rounds = REPLAY.toMillis() / refreshMillis;
            AtomicLong sent = new AtomicLong();
            Map<Integer, AtomicLong> failures = new ConcurrentSkipListMap<>();
            AtomicLong lateMillis = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            // one keep-alive connection per pool thread, read on that thread: the JDK's HttpClient could not start
            // 800 queries a second on time on two cores (the last viewer started 75 to 84 s late)
            List<byte[]> requests = panels.stream()
                    .map(panel -> KeepAliveTimer.postRequest("/v1/query/metrics", RouterInstance.VIEWER, panel)).toList();
            List<KeepAliveHttpClient> connections = new CopyOnWriteArrayList<>();
            ThreadLocal<KeepAliveHttpClient> connection = ThreadLocal.withInitial(() -> {
                try {
                    KeepAliveHttpClient client = new KeepAliveHttpClient(router.port());
                    connections.add(client);
                    return client;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long start = System.currentTimeMillis();
            try {
                List<Future<?>> work = new ArrayList<>();
                // submitted in due order (each round's viewers, then the next round), so that the pool's threads
                // wait for the next refreshes due, not for a first viewer's refreshes a minute ahead
                for (long round = 0; round < rounds; round++) {
                    for (int v = 0; v < VIEWERS; v++) {
                        long due = start + v * refreshMillis / VIEWERS + round * refreshMillis;
                        work.add(pool.submit(() -> {
                            long wait = due - System.currentTimeMillis();
                            if (wait > 0) {
                                Thread.sleep(wait);
                            } else {
                                lateMillis.accumulateAndGet(-wait, Math::max);
                            }
                            for (byte[] request : requests) {
                                int status = connection.get().exchange(request).status();
                                sent.incrementAndGet();
                                if (status != 200) {
                                    failures.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
                for (KeepAliveHttpClient client : connections) {
                    client.close();
                }
            }
            double seconds = (System.currentTimeMillis() - start) / 1000.0;
            long druidQueries = (long) meters.find("pulse.query.druid.latency").timers().stream()
                    .mapToLong(t -> t.count()).sum();
            long hits = (long) meters.counter("pulse.query.cache", "result", "hit").count();
            long localHits = (long) meters.counter("pulse.query.cache.local.hits").count();
            long coalesced = (long) meters.counter("pulse.query.cache.coalesced").count();
            line("");
            line("Replay: %,d viewers x 4 panels every 5 s for %d s: %,d panel queries in %.0f s (%.0f/s), failed by"
                    + " HTTP status %s, largest start delay %d ms.", VIEWERS, REPLAY.toSeconds(), sent.get(),
                    seconds, sent.get() / seconds, failures.isEmpty() ? "none" : failures, lateMillis.get());
            line("Without a cache every panel query is a Druid query: %,d. With the cache: %,d Druid queries"
                    + " (%,d cache hits, %,d of them from the instance's memory, %,d misses coalesced into another's"
                    + " query): %.0fx fewer.",
                    sent.get(), druidQueries, hits, localHits, coalesced, (double) sent.get() / Math.max(1, druidQueries));
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }
}
