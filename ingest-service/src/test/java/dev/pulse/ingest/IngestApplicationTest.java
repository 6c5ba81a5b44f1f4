package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * The whole service starts with its production wiring. Nothing listens at the configured Kafka address, so it
 * must also show that without Kafka it says DOWN and answers 503, never 200. (Against real Kafka: the *IT tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pulse.ingest.kafka.bootstrap-servers=localhost:1",
        "pulse.ingest.kafka.probe-interval=1s",
        "pulse.ingest.auth.write-keys[0].source=test",
        "pulse.ingest.auth.write-keys[0].sha256=04c0218b3c6929c6638fa052827cc353c3e1eb3a432020f686e083aae900d6c4"})
class IngestApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    IngestProperties properties;

    @Test
    void startsWithTheIssuesLimitsAndRefusesEventsWhileKafkaIsUnreachable() throws Exception {
        assertThat(properties.limits().maxEventSize()).isEqualTo(DataSize.ofKilobytes(32));
        assertThat(properties.limits().maxRequestSize()).isEqualTo(DataSize.ofKilobytes(500));
        assertThat(properties.limits().maxBatchEvents()).isEqualTo(2500);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"kafka\":{\"details\":{\"problem\"").contains("\"status\":\"DOWN\"");

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("Authorization", TestKeys.basic(TestKeys.TEST_KEY))
                .POST(HttpRequest.BodyPublishers.ofString("[{\"event_id\":\"e\",\"event_type\":\"click\",\"user_id\":\"u\"}]"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(503);
        assertThat(posted.headers().firstValue("Retry-After")).contains("5");

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("pulse_ingest_events_accepted_total{application=\"ingest-service\",source=\"native\"} 0.0")
                .contains("pulse_ingest_requests_refused_total{application=\"ingest-service\",reason=\"kafka_unavailable\",source=\"native\"} 1.0")
                .contains("pulse_ingest_requests_inflight")
                .contains("pulse_ingest_producer_buffer_used")
                .contains("pulse_ingest_kafka_send_seconds");
        // the native endpoint is served ahead of Spring MVC, and still measured under its path
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("method=\"POST\"") && line.contains("status=\"503\"")
                        && line.contains("uri=\"/v1/events\"")))
                .singleElement().satisfies(line -> assertThat(line).matches(".* 1(\\.0)?"));

        assertThat(get("/openapi.yaml").body()).startsWith("openapi: 3");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
