package dev.pulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.Topics;
import dev.pulse.model.event.EventJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Kafka stops in the middle of traffic. The service must answer 503 with Retry-After while it is away, never a 200
 * for an event Kafka does not hold, and the events a client retries after Kafka's return must all arrive. The Kafka
 * stopped here is the test's own ({@link DedicatedKafka}, from the jars the stack resolved), never the shared one.
 */
class KafkaOutageIT {

    private static final int EVENTS_PER_BATCH = 20;
    private static final Duration OUTAGE_TRAFFIC = Duration.ofSeconds(8);

    private final String run = UUID.randomUUID().toString();

    @Test
    void answers503WhileKafkaIsDownAndRetriedEventsArriveAfterItReturns() throws Exception {
        Map<Integer, Integer> status = new LinkedHashMap<>();
        try (DedicatedKafka kafka = DedicatedKafka.format()) {
            kafka.start();
            try (RunningIngest ingest = RunningIngest.start(kafka.bootstrap(),
                    "--pulse.ingest.kafka.ack-timeout=3s", "--pulse.ingest.kafka.retry-after=1s",
                    "--pulse.ingest.kafka.partitions=2")) {
                int before = 0;
                status.put(before, ingest.post("/v1/events", batch(before)).statusCode());
                assertThat(status.get(before)).as("before the outage").isEqualTo(200);

                kafka.stop();
                List<HttpResponse<String>> refusals = new ArrayList<>();
                boolean healthDown = false;
                long end = System.nanoTime() + OUTAGE_TRAFFIC.toNanos();
                for (int i = 1; System.nanoTime() < end; i++) {
                    HttpResponse<String> response = ingest.post("/v1/events", batch(i));
                    status.put(i, response.statusCode());
                    if (response.statusCode() != 200) {
                        refusals.add(response);
                    }
                    healthDown |= ingest.get("/actuator/health").statusCode() == 503;
                    Thread.sleep(200);
                }

                assertThat(refusals).as("requests refused while Kafka was down").isNotEmpty();
                assertThat(refusals).allSatisfy(response -> {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).contains("1");
                    assertThat(response.body()).contains("\"code\":\"kafka_unavailable\"");
                });
                assertThat(healthDown).as("/actuator/health went DOWN").isTrue();

                kafka.start();
                retryUntilAccepted(ingest, status);
            }

            Set<String> expected = status.keySet().stream().flatMap(b -> eventIds(b).stream()).collect(Collectors.toSet());
            try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrap(), Topics.rawEventTopics())) {
                Set<String> inKafka = reader.read(r -> r.value().contains(run), read -> read.size() >= expected.size(),
                                Duration.ofSeconds(1), Duration.ofSeconds(60)).stream()
                        .map(r -> EventJson.read(r.value()).eventId()).collect(Collectors.toSet());
                assertThat(inKafka).as("every event that got a 200").containsAll(expected);
            }
        }
    }

    /** What a client does with a 503: wait as told and send the same batch again, until it gets its 200. */
    private void retryUntilAccepted(RunningIngest ingest, Map<Integer, Integer> status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (Map.Entry<Integer, Integer> entry : status.entrySet()) {
            while (entry.getValue() != 200) {
                assertThat(System.nanoTime()).as("batch %d accepted within 90 s of Kafka's return", entry.getKey())
                        .isLessThan(deadline);
                Thread.sleep(1000);
                entry.setValue(ingest.post("/v1/events", batch(entry.getKey())).statusCode());
            }
        }
    }

    private String batch(int batch) {
        return eventIds(batch).stream()
                .map(id -> "{\"event_id\":\"%s\",\"event_type\":\"click\",\"user_id\":\"u-%s\"}".formatted(id, id.hashCode() % 7))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private List<String> eventIds(int batch) {
        return IntStream.range(0, EVENTS_PER_BATCH).mapToObj(i -> run + "-" + batch + "-" + i).toList();
    }
}
