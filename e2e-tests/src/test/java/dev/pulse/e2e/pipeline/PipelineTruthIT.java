package dev.pulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.model.Topics;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline against known truth: generated events (with SDK-retry duplicates, out of order, and some
 * beyond the allowed lateness) go in through the ingest service; Druid's rollups must equal the truth exactly for
 * counts and sums, the distinct users within the HLL bound, and agree with the raw events.
 */
@ExtendWith(PulseStackExtension.class)
class PipelineTruthIT {

    private static final int EVENTS = 12_000;
    private static final int USERS = 2_000;
    private static final int LATE = 25;
    private static final Duration VISIBLE_WITHIN = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void deploy(StackAddresses stack) throws Exception {
        Pipeline.ensureDeployed();
        Pipeline.awaitJobsRunning(stack.flinkRestUrl(), Duration.ofMinutes(3));
    }

    @Test
    void rollupsEqualTheTruthOfAGeneratedDataset(StackAddresses stack) throws Exception {
        Dataset data = Dataset.generate(Pipeline.newTag(), EVENTS, USERS, 0.05, LATE, 42);
        try (EventPoster poster = EventPoster.forStack(stack.kafkaBootstrap());
             Druid druid = new Druid(stack.druidAvaticaUrl())) {
            System.out.println("posting " + EVENTS + " events (+" + data.duplicates().size() + " duplicates) through "
                    + poster.describe() + ", tag " + data.tag());
            List<Event> withRetries = new ArrayList<>(data.onTime());
            withRetries.addAll(data.duplicates());
            poster.post(withRetries);

            long oneMinute = druid.await(VISIBLE_WITHIN, () -> druid.events("rollup_1m", data.tag()),
                    n -> n >= EVENTS);
            assertThat(oneMinute).as("rollup_1m events, duplicates dropped").isEqualTo(EVENTS);

            // the late events come once the watermark has moved past the on-time ones
            poster.post(data.late());
            assertThat(lateEventIds(stack, data.tag())).hasSize(LATE);
            assertThat(druid.await(Duration.ofSeconds(60), () -> druid.rawEventsBefore(data.tag(),
                    data.earliestOnTime().minus(Duration.ofMinutes(5))), n -> n >= LATE))
                    .as("late events stay in events_raw").isEqualTo(LATE);

            assertRollupsEqualTruth(druid, data);
            assertRollupsAgreeWithRawEvents(druid, data);
            assertTheRouterAnswersTheTruth(stack, data);
        }
    }

    /**
     * The stack's query router over the live rollup: one platform's events per hour by type, country and device.
     * Every dimension rollup_1h keeps is grouped or pinned, so the router first scans the stored rows; live rows are
     * several per cell, whose hours it must group again (StoredCells): either way the totals are the truth.
     */
    private static void assertTheRouterAnswersTheTruth(StackAddresses stack, Dataset data) throws Exception {
        Instant from = data.earliestOnTime().truncatedTo(ChronoUnit.HOURS);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        String query = "{\"metrics\":[\"events\"],\"range\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"},"
                + "\"granularity\":\"hour\",\"groupBy\":[\"event_type\",\"country\",\"device\"],"
                + "\"filters\":{\"platform\":[\"" + data.tag() + "\"]},\"limit\":50000}";
        double scansBefore = storedCellScans(stack);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.queryRouterUrl() + "/v1/query/metrics"))
                .header("Authorization", "Bearer pulse-demo-viewer").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("route").path("datasource").asText()).isEqualTo("rollup_1h");
        Map<String, Long> byTypeAndCountry = new HashMap<>();
        for (JsonNode row : answer.path("rows")) {
            byTypeAndCountry.merge(row.path("event_type").asText() + "/" + row.path("country").asText(),
                    row.path("events").asLong(), Long::sum);
        }
        assertThat(byTypeAndCountry).as("the router's hourly cells, summed").isEqualTo(data.eventsByTypeAndCountry());
        assertThat(storedCellScans(stack)).as("the query was first asked as a scan of stored rows")
                .isGreaterThan(scansBefore);
    }

    /** How many queries the stack's router answered with the stored-cells scan, in whole or in part. */
    private static double storedCellScans(StackAddresses stack) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.queryRouterUrl() + "/actuator/metrics/pulse.query.stored.cells")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0; // no such query yet since the router started
        }
        return JSON.readTree(response.body()).path("measurements").path(0).path("value").asDouble();
    }

    private static void assertRollupsEqualTruth(Druid druid, Dataset data) throws Exception {
        // rollup_1h is Druid's own rollup of the 5-minute rows: the same truth at hourly granularity
        for (String datasource : List.of("rollup_1m", "rollup_5m", "rollup_1h")) {
            assertThat(druid.await(Duration.ofSeconds(60), () -> druid.events(datasource, data.tag()),
                    n -> n >= EVENTS)).as(datasource + " events").isEqualTo(EVENTS);
            assertThat(druid.eventsByTypeAndCountry(datasource, data.tag())).as(datasource + " by type and country")
                    .isEqualTo(data.eventsByTypeAndCountry());
            assertThat(druid.revenue(datasource, data.tag())).as(datasource + " revenue")
                    .isCloseTo(data.revenue(), within(1e-6 * Math.max(1, data.revenue())));
            assertThat(druid.distinctUsers(datasource, data.tag())).as(datasource + " distinct users (HLL)")
                    .isCloseTo((long) data.distinctUsers(), org.assertj.core.data.Percentage.withPercentage(2));
        }
        // each event is in the twelve 1-hour windows that contain its 5-minute pane
        assertThat(druid.await(Duration.ofSeconds(60), () -> druid.events("rollup_1h_sliding", data.tag()),
                n -> n >= 12L * EVENTS)).as("rollup_1h_sliding events").isEqualTo(12L * EVENTS);
        assertThat(druid.revenue("rollup_1h_sliding", data.tag()))
                .isCloseTo(12 * data.revenue(), within(1e-6 * Math.max(1, 12 * data.revenue())));
        // and nothing of the late events reached a rollup
        assertThat(druid.events("rollup_1m", data.tag())).isEqualTo(EVENTS);
    }

    private static void assertRollupsAgreeWithRawEvents(Druid druid, Dataset data) throws Exception {
        Instant from = data.earliestOnTime().minus(Duration.ofMinutes(1));
        assertThat(druid.await(Duration.ofSeconds(60), () -> druid.rawEvents(data.tag(), from), n -> n >= EVENTS))
                .as("events_raw, duplicates dropped").isEqualTo(EVENTS);
        Map<String, Long> raw = druid.rawEventsByTypeAndCountry(data.tag(), from);
        assertThat(druid.eventsByTypeAndCountry("rollup_1m", data.tag())).as("rollup_1m = events_raw").isEqualTo(raw);
        // Druid hashes strings its own way when it builds a sketch from events_raw: two estimates of the same users,
        // each within the HLL bound of the truth
        long rawUsers = druid.rawDistinctUsers(data.tag(), from);
        assertThat(rawUsers).as("events_raw distinct users (HLL)")
                .isCloseTo((long) data.distinctUsers(), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(druid.distinctUsers("rollup_5m", data.tag())).as("rollup and raw estimates agree within the bound")
                .isCloseTo(rawUsers, org.assertj.core.data.Percentage.withPercentage(4));
    }

    /** The ids of this run's events found in events.late. */
    private static Set<String> lateEventIds(StackAddresses stack, String tag) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-late-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS_LATE));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (ids.size() < LATE && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    Event e = EventJson.read(r.value());
                    if (tag.equals(e.context().platform())) {
                        ids.add(e.eventId());
                    }
                }
            }
        }
        return ids;
    }
}
