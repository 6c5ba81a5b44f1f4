package dev.pulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.Topics;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event that got a 200 is in Kafka exactly once: 100,000 events over four keep-alive connections. */
@ExtendWith(PulseStackExtension.class)
class ExactlyOnceIT {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 100;
    private static final int CONNECTIONS = 4;
    private static final List<String> TYPES = List.of("page_view", "click", "transaction", "signup");
    private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");

    @Test
    void everyAcceptedEventIsInKafkaExactlyOnce(StackAddresses stack) throws Exception {
        String run = UUID.randomUUID().toString();
        Map<Integer, Integer> statusByBatch = new ConcurrentHashMap<>();
        try (RunningIngest ingest = RunningIngest.start(stack.kafkaBootstrap());
             TopicReader reader = TopicReader.fromNow(stack.kafkaBootstrap(), Topics.rawEventTopics())) {
            send(ingest, run, statusByBatch);

            assertThat(statusByBatch).hasSize(EVENTS / BATCH);
            assertThat(statusByBatch.values()).as("status of every request, on a healthy Kafka").containsOnly(200);

            List<ConsumerRecord<String, String>> records = reader.read(r -> r.value().contains(run),
                    read -> read.size() >= EVENTS, Duration.ofSeconds(5), Duration.ofMinutes(3));
            Map<String, Integer> copies = TopicReader.countBy(records, ExactlyOnceIT::eventId);

            assertThat(copies).as("distinct events in Kafka").hasSize(EVENTS);
            Map<String, Integer> duplicated = copies.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(duplicated).as("events written more than once").isEmpty();
            assertThat(records).hasSize(EVENTS);
        }
    }

    private static void send(RunningIngest ingest, String run, Map<Integer, Integer> statusByBatch) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                senders.add(connections.submit(() -> {
                    for (int batch; (batch = next.getAndIncrement()) < EVENTS / BATCH; ) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest.url("/v1/events")))
                                .header("Authorization", RunningIngest.basic())
                                .POST(HttpRequest.BodyPublishers.ofString(body(run, batch))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        statusByBatch.put(batch, response.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.MINUTES);
            }
        } finally {
            connections.shutdownNow();
        }
    }

    private static String body(String run, int batch) {
        return IntStream.range(batch * BATCH, (batch + 1) * BATCH).mapToObj(n -> """
                {"event_id":"%s-%d","event_type":"%s","user_id":"u-%d","properties":{"n":%d}}"""
                .formatted(run, n, TYPES.get(n % TYPES.size()), n % 1000, n)).collect(Collectors.joining(",", "[", "]"));
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Matcher matcher = EVENT_ID.matcher(record.value());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
