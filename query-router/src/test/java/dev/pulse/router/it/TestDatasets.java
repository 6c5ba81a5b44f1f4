package dev.pulse.router.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.testing.StackAddresses;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A set of test datasources for one test class, dropped by {@link #close()} in its {@code @AfterAll} (while the
 * stack is still up; a JVM shutdown hook would run after the test harness stopped a stack it started): the same
 * generated events as a raw datasource and as 1-minute, 5-minute, hourly (all dimensions, and country only) and
 * sliding 1-hour rollups, under names with a random {@code _it<n>} version suffix.
 */
public final class TestDatasets implements AutoCloseable {

    public static final int EVENTS = 3000;
    public static final Duration SPAN = Duration.ofHours(6);
    /** 1-hour windows every 5 minutes: each event is in twelve of them. */
    static final int SLIDING_WINDOWS = 12;

    public final Instant from;
    public final Instant to;
    public final Map<String, String> physicalByLogical;

    private final DruidBatch druid;

    private TestDatasets(Instant from, Map<String, String> physicalByLogical, DruidBatch druid) {
        this.from = from;
        this.to = from.plus(SPAN);
        this.physicalByLogical = physicalByLogical;
        this.druid = druid;
    }

    public static TestDatasets load(StackAddresses stack) throws Exception {
        String suffix = "_it" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Map<String, String> names = Map.of("events_raw", "events_raw" + suffix, "rollup_1m", "rollup_1m" + suffix,
                "rollup_5m", "rollup_5m" + suffix, "rollup_1h", "rollup_1h" + suffix,
                "rollup_1h_country", "rollup_1h_country" + suffix, "rollup_1h_sliding", "rollup_1h_sliding" + suffix);
        // six settled hours ending at the start of the current hour: inside "last 24h", outside "the present"
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(SPAN);
        // a file, not inline: an inline task over 512 KB does not fit the overlord's ZooKeeper node
        Path dir = Path.of("target", "it-data", suffix).toAbsolutePath();
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("events.json"))) {
            TestEvents.write(out, 42, EVENTS, from, SPAN.toMillis(), 40, 4);
        }
        writeSlidingCopies(dir.resolve("events.json"), dir.resolve("sliding.json"));

        DruidBatch druid = new DruidBatch(stack.druidCoordinatorUrl(), stack.druidBrokerUrl());
        String raw = druid.ingestLocal(DruidBatch.rawSchema(names.get("events_raw")), dir.toString(), "events.json");
        String oneMinute = druid.ingestLocal(DruidBatch.rollupSchema(names.get("rollup_1m"), "minute"), dir.toString(),
                "events.json");
        String fiveMinutes = druid.ingestLocal(DruidBatch.rollupSchema(names.get("rollup_5m"), "five_minute"),
                dir.toString(), "events.json");
        String hours = druid.ingestLocal(DruidBatch.rollupSchema(names.get("rollup_1h"), "hour"), dir.toString(),
                "events.json");
        String hoursByCountry = druid.ingestLocal(DruidBatch.rollupSchema(names.get("rollup_1h_country"), "hour",
                List.of("country")), dir.toString(), "events.json");
        String sliding = druid.ingestLocal(DruidBatch.rollupSchema(names.get("rollup_1h_sliding"), "five_minute"),
                dir.toString(), "sliding.json");
        TestDatasets datasets = new TestDatasets(from, names, druid);
        // generous: six small tasks share the indexer's free slots with the Kafka supervisors on a busy machine
        Duration timeout = Duration.ofMinutes(8);
        try {
            druid.awaitQueryable(raw, names.get("events_raw"), "COUNT(*)", EVENTS, timeout);
            druid.awaitQueryable(oneMinute, names.get("rollup_1m"), "SUM(\"events\")", EVENTS, timeout);
            druid.awaitQueryable(fiveMinutes, names.get("rollup_5m"), "SUM(\"events\")", EVENTS, timeout);
            druid.awaitQueryable(hours, names.get("rollup_1h"), "SUM(\"events\")", EVENTS, timeout);
            druid.awaitQueryable(hoursByCountry, names.get("rollup_1h_country"), "SUM(\"events\")", EVENTS, timeout);
            druid.awaitQueryable(sliding, names.get("rollup_1h_sliding"), "SUM(\"events\")",
                    (long) SLIDING_WINDOWS * EVENTS, timeout);
        } catch (Exception | Error e) {
            datasets.close();
            throw e;
        }
        return datasets;
    }

    /**
     * The sliding rollup's shape, as the rollup job writes it: each event counted once in each of the twelve 1-hour
     * windows that hold it, under the window's start (a 5-minute boundary).
     */
    private static void writeSlidingCopies(Path events, Path sliding) throws Exception {
        long pane = Duration.ofMinutes(5).toMillis();
        try (Writer out = Files.newBufferedWriter(sliding)) {
            for (String line : Files.readAllLines(events)) {
                var event = (ObjectNode) DruidBatch.JSON.readTree(line);
                long paneStart = Math.floorDiv(event.get("timestamp").asLong(), pane) * pane;
                for (int k = 0; k < SLIDING_WINDOWS; k++) {
                    event.put("timestamp", paneStart - k * pane);
                    out.append(event.toString()).append('\n');
                }
            }
        }
    }

    /** Marks the datasources unused, so the shared Druid keeps none of them. */
    @Override
    public void close() {
        physicalByLogical.values().forEach(druid::drop);
    }
}
