package dev.pulse.ingest.it;

import dev.pulse.ingest.IngestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real ingest service, started in the test JVM on a free port against a given Kafka, with the production
 * wiring and one write key of its own. Closing it shuts it down the way SIGTERM does.
 */
final class RunningIngest implements AutoCloseable {

    static final String WRITE_KEY = "it-write-key";
    private static final String WRITE_KEY_SHA256 = "73eeb6fd7b87702b475982305d427591e4a2193ce0d74238fe995e996ad942b1";

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningIngest(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static RunningIngest start(String kafkaBootstrap, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--pulse.ingest.kafka.bootstrap-servers=" + kafkaBootstrap,
                "--pulse.ingest.kafka.probe-interval=500ms",
                "--pulse.ingest.auth.write-keys[0].source=it",
                "--pulse.ingest.auth.write-keys[0].sha256=" + WRITE_KEY_SHA256,
                "--pulse.ingest.auth.write-keys[0].rate.events-per-second=10000000",
                "--pulse.ingest.auth.write-keys[0].rate.burst=10000000"));
        args.addAll(List.of(extraArgs));
        return new RunningIngest(new SpringApplicationBuilder(IngestApplication.class).run(args.toArray(String[]::new)));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }
}
