package dev.pulse.e2e.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import dev.pulse.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How the tests send events: through the ingest service (HTTP, write key) when this checkout runs it, as SDKs do;
 * otherwise straight to the {@code events.<family>} topics with the same JSON, key and timestamp.
 */
interface EventPoster extends AutoCloseable {

    /** Sends the events and returns once each is durable (a 200 from ingest, an ack from Kafka). */
    void post(List<Event> events) throws Exception;

    String describe();

    @Override
    default void close() {
    }

    static EventPoster forStack(String kafkaBootstrap) {
        LocalStack stack = LocalStack.discover();
        int port = stack.config().ports().ingest();
        boolean ingestModule = Files.isRegularFile(stack.layout().root().resolve("ingest-service").resolve("pom.xml"));
        // -Dpulse.e2e.poster=kafka bypasses a broken ingest service to test the pipeline alone
        boolean forceKafka = "kafka".equals(System.getProperty("pulse.e2e.poster"));
        if (ingestModule && !forceKafka && Ingest.healthy(port)) {
            return new Ingest("http://localhost:" + port);
        }
        return new Kafka(kafkaBootstrap);
    }

    final class Ingest implements EventPoster {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();
        private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("pulse-demo-write-key:".getBytes(UTF_8));
        private static final int BATCH = 500;
        private final String url;

        Ingest(String url) {
            this.url = url;
        }

        static boolean healthy(int port) {
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("UP");
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void post(List<Event> events) throws Exception {
            for (int from = 0; from < events.size(); from += BATCH) {
                String body = events.subList(from, Math.min(events.size(), from + BATCH)).stream()
                        .map(e -> new String(EventJson.write(e), UTF_8)).collect(Collectors.joining(",", "[", "]"));
                send(body, 1);
            }
        }

        /** As an SDK does: a batch without an answer is sent again (the clean job drops the copies by event id). */
        private void send(String body, int attempt) throws Exception {
            HttpResponse<String> r;
            try {
                r = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/v1/events")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", AUTH).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt >= 3) {
                    throw e;
                }
                send(body, attempt + 1);
                return;
            }
            if (r.statusCode() != 200 || !r.body().contains("\"rejected\":[]")) {
                throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
            }
        }

        @Override
        public String describe() {
            return "the ingest service at " + url;
        }
    }

    final class Kafka implements EventPoster {
        private final KafkaProducer<byte[], byte[]> producer;

        Kafka(String bootstrap) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public void post(List<Event> events) throws Exception {
            for (Event e : events) {
                Event stamped = e.receivedAt(Instant.now());
                producer.send(new ProducerRecord<>(e.family().topic(), null, e.timestamp().toEpochMilli(),
                        e.userId().getBytes(UTF_8), EventJson.write(stamped)));
            }
            producer.flush();
        }

        @Override
        public String describe() {
            return "Kafka events.<family> topics directly";
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
