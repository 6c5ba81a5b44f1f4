package dev.pulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.ingest.dlq.DeadLetter;
import dev.pulse.model.Topics;
import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Events and rejections through the real service into the stack's real Kafka. */
@ExtendWith(PulseStackExtension.class)
class KafkaDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

    private static RunningIngest ingest;
    private static String bootstrap;
    private final String run = UUID.randomUUID().toString();

    @BeforeAll
    static void start(StackAddresses stack) {
        bootstrap = stack.kafkaBootstrap();
        ingest = RunningIngest.start(bootstrap);
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    @Test
    void createsItsTopicsOrFindsThemThere() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains("events.page_view", "events.click", "events.transaction", "events.other", "events.dlq");
        }
        assertThat(ingest.get("/actuator/health").body()).contains("\"topicsReady\":true");
    }

    @Test
    void writesEachEventToItsFamilyTopicKeyedByUserWithTheEventTime() throws Exception {
        List<String> types = List.of("page_view", "click", "transaction", "signup");
        String batch = types.stream().map(type -> """
                {"event_id":"%s-%s","event_type":"%s","user_id":"u-%s","timestamp":"%s","properties":{"sku":"A1"},
                 "context":{"country":"DE","device":"mobile","platform":"web"},"revenue":19.99,"currency":"EUR"}"""
                .formatted(run, type, type, type, T0)).collect(Collectors.joining(",", "[", "]"));

        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.rawEventTopics())) {
            HttpResponse<String> response = ingest.post("/v1/events", batch);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"accepted\":4,\"rejected\":[]}");

            List<ConsumerRecord<String, String>> records = reader.read(r -> r.value().contains(run),
                    read -> read.size() >= 4, Duration.ofSeconds(1), Duration.ofSeconds(30));

            assertThat(records).hasSize(4);
            Map<String, String> topicByType = Map.of("page_view", "events.page_view", "click", "events.click",
                    "transaction", "events.transaction", "signup", "events.other");
            for (ConsumerRecord<String, String> record : records) {
                Event event = EventJson.read(record.value());
                assertThat(record.topic()).isEqualTo(topicByType.get(event.eventType()));
                assertThat(record.key()).isEqualTo("u-" + event.eventType()).isEqualTo(event.userId());
                assertThat(record.timestamp()).isEqualTo(T0.toEpochMilli());
                assertThat(event.eventId()).isEqualTo(run + "-" + event.eventType());
                assertThat(event.timestamp()).isEqualTo(T0);
                assertThat(event.receivedAt()).isAfter(T0);
                assertThat(event.properties()).isEqualTo(Map.of("sku", "A1"));
                assertThat(event.context().country()).isEqualTo("DE");
                assertThat(event.revenue()).isEqualTo(19.99);
                assertThat(event.currency()).isEqualTo("EUR");
                // the header promises the clean job that the value is EventJson.write's, which it passes through
                assertThat(CanonicalEvent.isCanonical(record.headers().lastHeader(CanonicalEvent.HEADER).value()))
                        .isTrue();
                assertThat(record.value()).isEqualTo(new String(EventJson.write(event), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void storesEveryRejectedEventInTheDlqWithItsReasonAndItsPayloadAsSent() throws Exception {
        Map<String, String> badByReason = Map.of(
                "missing_user", "{\"event_id\":\"%s-1\",\"event_type\":\"click\"}".formatted(run),
                "timestamp_in_future", "{\"event_id\":\"%s-2\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"%s\"}"
                        .formatted(run, Instant.now().plus(Duration.ofDays(400))),
                "event_too_large", "{\"event_id\":\"%s-3\",\"event_type\":\"click\",\"user_id\":\"u\",\"properties\":{\"pad\":\"%s\"}}"
                        .formatted(run, "x".repeat(33 * 1024)),
                "invalid_json", "\"%s-4 is no object\"".formatted(run));
        List<String> reasons = List.copyOf(badByReason.keySet());
        String good = "{\"event_id\":\"%s-ok\",\"event_type\":\"click\",\"user_id\":\"u\"}".formatted(run);
        String body = "[" + good + "," + reasons.stream().map(badByReason::get).collect(Collectors.joining(",")) + "]";

        try (TopicReader dlq = TopicReader.fromNow(bootstrap, List.of(Topics.EVENTS_DLQ))) {
            HttpResponse<String> response = ingest.post("/v1/events", body);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.get("accepted").asInt()).isEqualTo(1);
            for (int i = 0; i < reasons.size(); i++) {
                assertThat(answer.get("rejected").get(i).get("index").asInt()).isEqualTo(i + 1);
                assertThat(answer.get("rejected").get(i).get("code").asText()).isEqualTo(reasons.get(i));
            }

            List<ConsumerRecord<String, String>> records = dlq.read(r -> r.value().contains(run),
                    read -> read.size() >= reasons.size(), Duration.ofSeconds(1), Duration.ofSeconds(30));
            assertThat(records).hasSize(reasons.size());
            for (ConsumerRecord<String, String> record : records) {
                DeadLetter letter = DeadLetter.fromJson(record.value().getBytes(StandardCharsets.UTF_8));
                assertThat(letter.payload()).isEqualTo(badByReason.get(letter.reason()));
                assertThat(letter.index()).isEqualTo(reasons.indexOf(letter.reason()) + 1);
                assertThat(letter.source()).isEqualTo("native");
                assertThat(letter.keySource()).isEqualTo("it").isEqualTo(record.key());
                assertThat(letter.endpoint()).isEqualTo("/v1/events");
                assertThat(letter.message()).isNotBlank();
                assertThat(record.headers().lastHeader(CanonicalEvent.HEADER)).as("a dead letter is no event").isNull();
            }
        }
    }

    @Test
    void writesSegmentMessagesMappedOntoPulseEvents() throws Exception {
        String batch = """
                {"sentAt":"%s","batch":[
                 {"type":"track","messageId":"%s-t","userId":"u-1","event":"transaction","properties":{"revenue":5,"currency":"usd"},
                  "timestamp":"%s","context":{"location":{"country":"US"},"device":{"type":"mobile"}}},
                 {"type":"page","messageId":"%s-p","anonymousId":"anon-1","name":"Home","timestamp":"%s"}]}"""
                .formatted(T0, run, T0, run, T0);

        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.rawEventTopics())) {
            HttpResponse<String> response = ingest.post("/v1/batch", batch);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"success\":true}");

            Map<String, ConsumerRecord<String, String>> byId = reader.read(r -> r.value().contains(run),
                            read -> read.size() >= 2, Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                    .collect(Collectors.toMap(r -> EventJson.read(r.value()).eventId(), r -> r));

            assertThat(byId).containsOnlyKeys(run + "-t", run + "-p");
            Event track = EventJson.read(byId.get(run + "-t").value());
            assertThat(byId.get(run + "-t").topic()).isEqualTo("events.transaction");
            assertThat(track.revenue()).isEqualTo(5.0);
            assertThat(track.currency()).isEqualTo("USD");
            assertThat(track.context().country()).isEqualTo("US");
            // sentAt equals the event time: the event happened right before it was received
            assertThat(track.timestamp()).isBetween(track.receivedAt().minusSeconds(1), track.receivedAt());
            assertThat(byId.get(run + "-p").topic()).isEqualTo("events.page_view");
            assertThat(byId.get(run + "-p").key()).isEqualTo("anon-1");
        }
    }
}
