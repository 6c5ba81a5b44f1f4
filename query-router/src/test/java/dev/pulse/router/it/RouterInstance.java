package dev.pulse.router.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.router.QueryRouterApplication;
import dev.pulse.testing.StackAddresses;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A query router started in the test JVM exactly as production starts it (same application class, same
 * application.yml, local profile), on a free port, against the real stack, with test-specific overrides.
 */
public final class RouterInstance implements AutoCloseable {

    public static final String VIEWER = "pulse-demo-viewer";
    public static final String ANALYST = "pulse-demo-analyst";
    public static final String ADMIN = "pulse-demo-admin";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String base;

    /** The answer of one call. */
    public record Answer(int status, JsonNode body) {
        public String cache() {
            return body.path("cache").asText();
        }

        public JsonNode rows() {
            return body.path("rows");
        }
    }

    public RouterInstance(StackAddresses stack, Map<String, String> overrides) {
        // one map, overrides last: Spring joins repeated command-line options with commas
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("pulse.router.druid.url", stack.druidAvaticaUrl());
        properties.put("pulse.router.cache.redis-uri", stack.redisUri());
        properties.put("pulse.router.progress.bootstrap-servers", stack.kafkaBootstrap());
        properties.put("logging.level.org.apache.kafka", "WARN");
        // each test points its own instance at its own datasources: keep switches out of the shared topic
        properties.put("pulse.router.versions.shared", "false");
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        this.context = new SpringApplicationBuilder(QueryRouterApplication.class).profiles("local")
                .run(args.toArray(String[]::new));
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.base = "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Answer post(String path, String token, String body) throws Exception {
        return postTimed(path, token, body).answer();
    }

    /** An answer and the time from sending the request to its last byte (parsing it is the client's cost). */
    public record Timed(Answer answer, long micros) {
    }

    public Timed postTimed(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return sendTimed(request.build());
    }

    public Answer get(String path, String token) throws Exception {
        return getTimed(path, token).answer();
    }

    /** A GET answered in text (not JSON), e.g. the Prometheus scrape: status and body. */
    public Map.Entry<Integer, String> getText(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Map.entry(response.statusCode(), response.body());
    }

    public Timed getTimed(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return sendTimed(request.build());
    }

    private static Answer send(HttpRequest request) throws Exception {
        return sendTimed(request).answer();
    }

    /** Accepts gzip, as browsers do; unpacking it is part of the timed call, as it is part of a browser's wait. */
    private static Timed sendTimed(HttpRequest request) throws Exception {
        HttpRequest gzipAccepting = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Accept-Encoding", "gzip").build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(gzipAccepting, HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = gzip.readAllBytes();
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        JsonNode body = bytes.length == 0 ? DruidBatch.JSON.nullNode() : DruidBatch.JSON.readTree(bytes);
        return new Timed(new Answer(response.statusCode(), body), micros);
    }

    /** Points the router at test datasources, through the admin endpoint the replay uses. */
    public void useDatasources(Map<String, String> physicalByLogical) throws Exception {
        var body = DruidBatch.JSON.createObjectNode();
        body.set("datasources", DruidBatch.JSON.valueToTree(physicalByLogical));
        Answer answer = post("/v1/admin/datasource-version", ADMIN, body.toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("datasource switch refused: " + answer.body());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
