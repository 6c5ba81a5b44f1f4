package dev.pulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Freshness: from the ingest service's 200 to the event being counted by a Druid rollup query. One event a second,
 * each with its own tag; a poller asks rollup_1m every 100 ms which tags it sees. Not part of the test suite (no
 * timing assertion; the numbers go to docs/benchmarks.md). Run by name with the stack up:
 * {@code mvn -pl e2e-tests verify -Dit.test=PipelineFreshnessBenchmark}.
 */
@ExtendWith(PulseStackExtension.class)
class PipelineFreshnessBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 60);

    @Test
    void freshness(StackAddresses stack) throws Exception {
        Pipeline.ensureDeployed();
        Pipeline.awaitJobsRunning(stack.flinkRestUrl(), Duration.ofMinutes(3));
        String run = Pipeline.newTag().replace("e2e-", "fresh-");
        Map<String, Long> acceptedAt = new HashMap<>();
        Map<String, Long> latencies = new HashMap<>();
        Properties properties = new Properties();
        properties.setProperty("sqlTimeZone", "Etc/UTC");
        try (EventPoster poster = EventPoster.forStack(stack.kafkaBootstrap());
             Connection druid = DriverManager.getConnection(stack.druidAvaticaUrl(), properties);
             PreparedStatement seen = prepareOnceRollupExists(druid, poster, run)) {
            seen.setString(1, run + "-%");
            long nextPost = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(SAMPLES + 90).toNanos();
            int posted = 0;
            while (latencies.size() < SAMPLES && System.nanoTime() < deadline) {
                if (posted < SAMPLES && System.nanoTime() >= nextPost) {
                    String tag = run + "-" + posted++;
                    poster.post(List.of(new Event(tag, "page_view", "fresh-user", Instant.now(), null, Map.of(),
                            new EventContext("DE", "mobile", tag), null, null)));
                    acceptedAt.put(tag, System.nanoTime());
                    nextPost += 1_000_000_000L;
                }
                try (ResultSet rs = seen.executeQuery()) {
                    long now = System.nanoTime();
                    while (rs.next()) {
                        String tag = rs.getString(1);
                        if (acceptedAt.containsKey(tag)) {
                            latencies.putIfAbsent(tag, (now - acceptedAt.get(tag)) / 1_000_000);
                        }
                    }
                }
                Thread.sleep(100);
            }
            System.out.println("[bench] freshness via " + poster.describe());
        }
        List<Long> sorted = new ArrayList<>(latencies.values());
        sorted.sort(null);
        assertThat(sorted).as("samples seen in Druid").isNotEmpty();
        System.out.printf("[bench] RESULT freshness samples=%d/%d p50=%d ms p95=%d ms max=%d ms%n", sorted.size(), SAMPLES,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }

    /**
     * Druid knows rollup_1m only once it holds a row: on a stack without data, one event goes through first (not
     * measured) and the statement is prepared once Druid lists the datasource, within 3 minutes. (Polling the
     * catalog rather than retrying the prepare: Druid 33 keeps a statement open per failed prepare.)
     */
    private static PreparedStatement prepareOnceRollupExists(Connection druid, EventPoster poster, String run)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        boolean posted = false;
        while (!rollupExists(druid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rollup_1m did not appear in Druid within 3 minutes");
            }
            if (!posted) {
                poster.post(List.of(new Event(run + "-first", "page_view", "fresh-user", Instant.now(), null,
                        Map.of(), new EventContext("DE", "mobile", run + "-first"), null, null)));
                posted = true;
            }
            Thread.sleep(1_000);
        }
        return druid.prepareStatement("SELECT platform FROM rollup_1m WHERE platform LIKE ? AND __time >= "
                + "CURRENT_TIMESTAMP - INTERVAL '10' MINUTE GROUP BY platform");
    }

    private static boolean rollupExists(Connection druid) throws SQLException {
        try (Statement tables = druid.createStatement();
             ResultSet rs = tables.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'druid' AND TABLE_NAME = 'rollup_1m'")) {
            return rs.next();
        }
    }
}
