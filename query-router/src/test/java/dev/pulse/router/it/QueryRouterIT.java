package dev.pulse.router.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.model.Topics;
import dev.pulse.router.it.RouterInstance.Answer;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The router against the real Druid, Redis and Kafka, on datasources this test loads itself. */
@ExtendWith(PulseStackExtension.class)
class QueryRouterIT {

    private static TestDatasets data;
    private static RouterInstance router;

    @BeforeAll
    static void start(StackAddresses stack) throws Exception {
        data = TestDatasets.load(stack);
        // a long live TTL, so that only a new data version can turn a hit into a miss in these tests
        router = new RouterInstance(stack, Map.of("pulse.router.cache.live-ttl", "10m",
                "pulse.router.limits.max-sql-rows", "7"));
        router.useDatasources(data.physicalByLogical);
    }

    @AfterAll
    static void stop() {
        if (router != null) {
            router.close();
        }
        if (data != null) {
            data.close();
        }
    }

    private String range() {
        return "{\"from\":\"" + data.from + "\",\"to\":\"" + data.to + "\"}";
    }

    @Test
    void rollupAndRawGiveTheSameHourlyAnswer() throws Exception {
        String query = "{\"metrics\":[\"events\",\"revenue\",\"dau\",\"conversion_rate\"],\"range\":" + range()
                + ",\"granularity\":\"hour\",\"groupBy\":[\"country\"]}";
        Answer rollup = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        Answer raw = router.post("/v1/query/adhoc", RouterInstance.ANALYST, query);

        assertThat(rollup.status()).as(rollup.body().toString()).isEqualTo(200);
        assertThat(raw.status()).as(raw.body().toString()).isEqualTo(200);
        assertThat(rollup.body().path("route").path("datasource").asText())
                .as("the coarsest rollup that answers an hourly chart")
                .isEqualTo(data.physicalByLogical.get("rollup_1h"));
        assertThat(raw.body().path("route").path("datasource").asText())
                .isEqualTo(data.physicalByLogical.get("events_raw"));
        assertThat(rollup.rows()).hasSize(6 * 4);
        assertThat(sortedRows(rollup)).isEqualTo(sortedRows(raw));
        long total = 0;
        for (JsonNode row : rollup.rows()) {
            total += row.get("events").asLong();
            assertThat(row.get("dau").asLong()).isBetween(1L, 40L);
        }
        assertThat(total).isEqualTo(TestDatasets.EVENTS);
    }

    @Test
    void rollupAndRawGiveTheSameMinuteAnswer() throws Exception {
        String query = "{\"metrics\":[\"events\",\"events_per_minute\"],\"range\":{\"from\":\"" + data.from
                + "\",\"to\":\"" + data.from.plus(Duration.ofMinutes(30)) + "\"},\"granularity\":\"minute\","
                + "\"groupBy\":[\"device\"],\"filters\":{\"event_type\":[\"page_view\",\"click\"]}}";
        Answer rollup = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        Answer raw = router.post("/v1/query/adhoc", RouterInstance.ANALYST, query);
        assertThat(rollup.body().path("route").path("datasource").asText())
                .isEqualTo(data.physicalByLogical.get("rollup_1m"));
        assertThat(rollup.rows().size()).isGreaterThan(30);
        assertThat(sortedRows(rollup)).isEqualTo(sortedRows(raw));
    }

    @Test
    void hourlyCountriesAreReadFromTheStoredRowsAndEqualTheRawAnswer() throws Exception {
        // a limit no other test uses, so this is a miss whatever ran before
        String query = "{\"metrics\":[\"events\",\"revenue\",\"dau\"],\"range\":" + range()
                + ",\"granularity\":\"hour\",\"groupBy\":[\"country\"],\"limit\":4001}";
        var meters = router.bean(io.micrometer.core.instrument.MeterRegistry.class);
        double answeredBefore = meters.counter("pulse.query.stored.cells", "outcome", "answered").count();

        Answer rollup = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        Answer raw = router.post("/v1/query/adhoc", RouterInstance.ANALYST, query);

        assertThat(rollup.status()).as(rollup.body().toString()).isEqualTo(200);
        assertThat(rollup.cache()).isEqualTo("miss");
        assertThat(rollup.body().path("route").path("datasource").asText())
                .isEqualTo(data.physicalByLogical.get("rollup_1h_country"));
        assertThat(meters.counter("pulse.query.stored.cells", "outcome", "answered").count())
                .as("one stored row per hour and country (one batch load): answered by the scan")
                .isEqualTo(answeredBefore + 1);
        assertThat(rollup.rows()).hasSize(6 * 4);
        assertThat(sortedRows(rollup)).isEqualTo(sortedRows(raw));
        List<String> order = new java.util.ArrayList<>();
        rollup.rows().forEach(row -> order.add(row.get("time").asText() + " " + row.get("country").asText()));
        assertThat(order).as("in time order, as the grouped query answers").isSorted();
    }

    @Test
    void hoursWithACellStoredInTwoSegmentsAreGroupedByDruidTheRestScanned(StackAddresses stack) throws Exception {
        // the test events in two loads into one datasource: the first four hours and half of the last two, then the
        // rest of the last two (as a live hour or an append leaves them): only those two hours repeat cells
        String twice = data.physicalByLogical.get("rollup_1h_country") + "_twice";
        Path dir = Path.of("target", "it-data", twice).toAbsolutePath();
        Files.createDirectories(dir);
        StringBuilder events = new StringBuilder();
        TestEvents.write(events, 42, TestDatasets.EVENTS, data.from, TestDatasets.SPAN.toMillis(), 40, 4);
        long lastTwoHours = data.to.minus(Duration.ofHours(2)).toEpochMilli();
        List<String> first = new java.util.ArrayList<>();
        List<String> second = new java.util.ArrayList<>();
        for (String line : events.toString().lines().toList()) {
            boolean late = DruidBatch.JSON.readTree(line).get("timestamp").asLong() >= lastTwoHours;
            (late && (line.hashCode() & 1) == 0 ? second : first).add(line);
        }
        Files.write(dir.resolve("first.json"), first);
        Files.write(dir.resolve("second.json"), second);
        DruidBatch druid = new DruidBatch(stack.druidCoordinatorUrl(), stack.druidBrokerUrl());
        var schema = DruidBatch.rollupSchema(twice, "hour", List.of("country"));
        try (RouterInstance other = new RouterInstance(stack, Map.of())) {
            druid.awaitQueryable(druid.appendLocal(schema, dir.toString(), "first.json"), twice, "SUM(\"events\")",
                    first.size(), Duration.ofMinutes(4));
            druid.awaitQueryable(druid.appendLocal(schema, dir.toString(), "second.json"), twice, "SUM(\"events\")",
                    TestDatasets.EVENTS, Duration.ofMinutes(4));
            Map<String, String> versions = new HashMap<>(data.physicalByLogical);
            versions.put("rollup_1h_country", twice);
            other.useDatasources(versions);
            var meters = other.bean(io.micrometer.core.instrument.MeterRegistry.class);
            String query = "{\"metrics\":[\"events\",\"dau\"],\"range\":" + range()
                    + ",\"granularity\":\"hour\",\"groupBy\":[\"country\"]}";

            Answer rollup = other.post("/v1/query/metrics", RouterInstance.VIEWER, query);
            Answer raw = other.post("/v1/query/adhoc", RouterInstance.ANALYST, query);

            assertThat(rollup.status()).as(rollup.body().toString()).isEqualTo(200);
            assertThat(rollup.body().path("route").path("datasource").asText()).isEqualTo(twice);
            assertThat(meters.counter("pulse.query.stored.cells", "outcome", "regrouped").count()).isEqualTo(1.0);
            assertThat(rollup.rows()).hasSize(6 * 4);
            assertThat(sortedRows(rollup)).isEqualTo(sortedRows(raw));
            List<String> times = new java.util.ArrayList<>();
            rollup.rows().forEach(row -> times.add(row.get("time").asText()));
            assertThat(times).isSorted();
        } finally {
            druid.drop(twice);
        }
    }

    @Test
    void aRollupDruidHasNoDataForYetIsAnEmptyChartNotAnError(StackAddresses stack) throws Exception {
        String never = "rollup_5m_never_" + Long.toHexString(System.nanoTime());
        try (RouterInstance fresh = new RouterInstance(stack, Map.of())) {
            Map<String, String> versions = new HashMap<>(data.physicalByLogical);
            versions.put("rollup_5m", never);
            fresh.useDatasources(versions);
            Answer answer = fresh.post("/v1/query/metrics", RouterInstance.VIEWER, "{\"metrics\":[\"events\"],"
                    + "\"range\":" + range() + ",\"granularity\":\"5minute\",\"groupBy\":[\"device\"]}");
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body().path("route").path("datasource").asText()).isEqualTo(never);
            assertThat(answer.body().path("route").path("reason").asText()).contains("no data yet");
            assertThat(answer.rows()).isEmpty();
            assertThat(answer.body().path("cache").asText()).isEqualTo("bypass");
        }
    }

    @Test
    void rawOnlyDimensionGoesToRaw() throws Exception {
        Answer answer = router.post("/v1/query/metrics", RouterInstance.VIEWER, "{\"metrics\":[\"events\"],"
                + "\"range\":" + range() + ",\"granularity\":\"all\",\"groupBy\":[\"sku\"],\"limit\":5}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("route").path("target").asText()).isEqualTo("raw");
        assertThat(answer.body().path("route").path("reason").asText()).contains("sku");
        assertThat(answer.rows()).hasSize(5);
    }

    @Test
    void repeatedQueryIsACacheHitWithTheSameRows() throws Exception {
        String query = "{\"metrics\":[\"events\",\"dau\"],\"range\":" + range() + ",\"granularity\":\"day\","
                + "\"groupBy\":[\"platform\"]}";
        Answer first = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        Answer second = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        assertThat(first.cache()).isEqualTo("miss");
        assertThat(second.cache()).isEqualTo("hit");
        assertThat(second.rows()).isEqualTo(first.rows());
    }

    @Test
    void anotherInstanceHitsRedisOnceThenItsOwnCopy(StackAddresses stack) throws Exception {
        String query = "{\"metrics\":[\"events\"],\"range\":" + range() + ",\"granularity\":\"day\","
                + "\"groupBy\":[\"device\"]}";
        Answer first = router.post("/v1/query/metrics", RouterInstance.VIEWER, query);
        assertThat(first.cache()).as(first.body().toString()).isIn("miss", "hit");
        try (RouterInstance other = new RouterInstance(stack, Map.of("pulse.router.cache.live-ttl", "10m"))) {
            other.useDatasources(data.physicalByLogical);
            io.micrometer.core.instrument.MeterRegistry meters = other.bean(io.micrometer.core.instrument.MeterRegistry.class);

            Answer fromRedis = other.post("/v1/query/metrics", RouterInstance.VIEWER, query);
            assertThat(meters.counter("pulse.query.cache.local.hits").count()).isZero();
            Answer fromMemory = other.post("/v1/query/metrics", RouterInstance.VIEWER, query);

            assertThat(fromRedis.cache()).isEqualTo("hit");
            assertThat(fromMemory.cache()).isEqualTo("hit");
            assertThat(meters.counter("pulse.query.cache.local.hits").count()).isEqualTo(1.0);
            assertThat(fromMemory.rows()).isEqualTo(fromRedis.rows()).isEqualTo(first.rows());
        }
    }

    @Test
    void aNewProgressSignalRetiresLiveEntries(StackAddresses stack) throws Exception {
        String live = "{\"metrics\":[\"events\"],\"range\":{\"last\":\"24h\"},\"granularity\":\"hour\","
                + "\"groupBy\":[\"device\"]}";
        Answer first = router.post("/v1/query/metrics", RouterInstance.VIEWER, live);
        assertThat(first.cache()).as(first.body().toString()).isIn("miss", "hit");
        assertThat(router.post("/v1/query/metrics", RouterInstance.VIEWER, live).cache()).isEqualTo("hit");

        String datasource = data.physicalByLogical.get("rollup_5m");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long until = Instant.now().minusSeconds(60).toEpochMilli();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // the rollup job's format (flink-jobs JsonRecords.progress), for this test's datasource only
            producer.send(new ProducerRecord<>(Topics.ROLLUPS_PROGRESS, datasource, "{\"datasource\":\"" + datasource
                    + "\",\"window\":\"5m\",\"complete_until\":" + until + ",\"watermark\":" + until + "}")).get();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        String status = "hit";
        while (status.equals("hit") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = router.post("/v1/query/metrics", RouterInstance.VIEWER, live).cache();
        }
        assertThat(status).as("a new progress signal must retire the cached answer").isEqualTo("miss");
        assertThat(router.post("/v1/query/metrics", RouterInstance.VIEWER, live).cache()).isEqualTo("hit");
    }

    @Test
    void aMovingHourCountsWhatRawEventsHoldInTheHourFromEachStep() throws Exception {
        Answer moving = router.post("/v1/query/metrics", RouterInstance.VIEWER, "{\"metrics\":[\"events\",\"revenue\"],"
                + "\"range\":" + range() + ",\"granularity\":\"5minute\",\"moving\":\"PT1H\"}");
        assertThat(moving.status()).as(moving.body().toString()).isEqualTo(200);
        assertThat(moving.body().path("route").path("datasource").asText())
                .isEqualTo(data.physicalByLogical.get("rollup_1h_sliding"));
        assertThat(moving.rows()).hasSize((int) (TestDatasets.SPAN.toMinutes() / 5));
        for (int step : List.of(0, 17, 71)) {
            var row = moving.rows().get(step);
            Instant start = Instant.parse(row.path("time").asText());
            Answer raw = router.post("/v1/query/adhoc", RouterInstance.ANALYST, "{\"metrics\":[\"events\",\"revenue\"],"
                    + "\"range\":{\"from\":\"" + start + "\",\"to\":\"" + start.plus(Duration.ofHours(1))
                    + "\"},\"granularity\":\"all\"}");
            assertThat(row.path("events").asLong()).as("events in the hour from " + start)
                    .isEqualTo(raw.rows().get(0).path("events").asLong()).isPositive();
            assertThat(row.path("revenue").asDouble()).as("revenue in the hour from " + start)
                    .isEqualTo(raw.rows().get(0).path("revenue").asDouble());
        }
    }

    @Test
    void injectionThroughFiltersIsJustAValueThatMatchesNothing() throws Exception {
        for (String hostile : List.of("DE' OR '1'='1", "DE\") OR (\"1\"=\"1", "x'); DROP TABLE events_raw; --")) {
            var body = DruidBatch.JSON.createObjectNode();
            body.putArray("metrics").add("events");
            body.set("range", DruidBatch.JSON.readTree(range()));
            body.put("granularity", "all");
            body.putObject("filters").putArray("country").add(hostile);
            Answer answer = router.post("/v1/query/metrics", RouterInstance.VIEWER, body.toString());
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.rows().get(0).path("events").asLong()).isZero();
        }
        Answer all = router.post("/v1/query/metrics", RouterInstance.VIEWER, "{\"metrics\":[\"events\"],\"range\":"
                + range() + ",\"granularity\":\"all\"}");
        assertThat(all.rows().get(0).path("events").asLong()).isEqualTo(TestDatasets.EVENTS);
    }

    @Test
    void analystSqlRunsWithTheOuterLimit() throws Exception {
        String raw = data.physicalByLogical.get("events_raw");
        Answer answer = router.post("/v1/query/sql", RouterInstance.ANALYST,
                "{\"sql\":\"SELECT event_id, country FROM " + raw + " -- every row, but the router caps it\"}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.rows()).hasSize(7);

        Answer count = router.post("/v1/query/sql", RouterInstance.ANALYST,
                "{\"sql\":\"SELECT COUNT(*) AS n FROM \\\"" + raw + "\\\"\"}");
        assertThat(count.rows().get(0).path("n").asLong()).isEqualTo(TestDatasets.EVENTS);
    }

    @Test
    void queriesDruidRefusesDoNotPoisonThePool() throws Exception {
        // Druid 33 keeps a statement open on the connection for each failed prepare and refuses every statement on
        // a connection holding four: thirteen failures over the three ad-hoc connections would poison one of them
        String raw = data.physicalByLogical.get("events_raw");
        for (int i = 0; i < 13; i++) {
            Answer refused = router.post("/v1/query/sql", RouterInstance.ANALYST,
                    "{\"sql\":\"SELECT no_such_column FROM \\\"" + raw + "\\\"\"}");
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        }
        for (int i = 0; i < 9; i++) {
            Answer count = router.post("/v1/query/sql", RouterInstance.ANALYST,
                    "{\"sql\":\"SELECT COUNT(*) AS n FROM \\\"" + raw + "\\\"\"}");
            assertThat(count.status()).as(count.body().toString()).isEqualTo(200);
            assertThat(count.rows().get(0).path("n").asLong()).isEqualTo(TestDatasets.EVENTS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE %s",
            "INSERT INTO %1$s SELECT * FROM %1$s",
            "SELECT 1 FROM %1$s; DELETE FROM %1$s",
            "SELECT 1 FROM %1$s /* hidden */; DROP TABLE %1$s",
            "SELECT * FROM sys.segments",
            "SELECT * FROM INFORMATION_SCHEMA.TABLES",
            "SELECT * FROM wikipedia",
            "SELECT nonexistent_column FROM %s",
    })
    void sqlThatIsNotOneReadOnlySelectIs400(String template) throws Exception {
        String sql = template.formatted(data.physicalByLogical.get("events_raw"));
        var body = DruidBatch.JSON.createObjectNode().put("sql", sql);
        Answer answer = router.post("/v1/query/sql", RouterInstance.ANALYST, body.toString());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void tokensAndRolesOverTheRealApplication() throws Exception {
        String sql = "{\"sql\":\"SELECT 1\"}";
        assertThat(router.post("/v1/query/sql", null, sql).status()).isEqualTo(401);
        assertThat(router.post("/v1/query/sql", RouterInstance.VIEWER, sql).status()).isEqualTo(403);
        assertThat(router.post("/v1/admin/datasource-version", RouterInstance.ANALYST, "{\"suffix\":\"_x\"}").status())
                .isEqualTo(403);
        assertThat(router.get("/v1/catalog", RouterInstance.VIEWER).status()).isEqualTo(200);
        assertThat(router.get("/actuator/health", null).body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAreScrapedInPrometheusFormat() throws Exception {
        Answer answer = router.post("/v1/query/metrics", RouterInstance.VIEWER,
                "{\"metrics\":[\"events\"],\"range\":{\"last\":\"1h\"},\"granularity\":\"5minute\"}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        Map.Entry<Integer, String> scrape = router.getText("/actuator/prometheus");
        assertThat(scrape.getKey()).isEqualTo(200);
        assertThat(scrape.getValue()).contains("pulse_query_route_total{", "pulse_query_cache_total{",
                "http_server_requests_seconds_count{");
    }

    /** Rows as comparable text, in a stable order, numbers normalised (1 and 1.0 are the same answer). */
    private static List<String> sortedRows(Answer answer) {
        return java.util.stream.StreamSupport.stream(answer.rows().spliterator(), false)
                .map(row -> {
                    var fields = new java.util.TreeMap<String, String>();
                    row.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNumber()
                            ? Double.toString(e.getValue().asDouble()) : e.getValue().asText()));
                    return fields.toString();
                }).sorted().toList();
    }
}
