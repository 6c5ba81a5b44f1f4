package dev.pulse.stack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP for the deploy steps: one place that turns failures into {@link DeployException}s. */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Rest() {
    }

    static JsonNode get(String url) throws DeployException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static JsonNode postJson(String url, String body) throws DeployException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode send(HttpRequest.Builder request) throws DeployException {
        HttpRequest built = request.timeout(Duration.ofMinutes(2)).build();
        String what = built.method() + " " + built.uri();
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeployException(what + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DeployException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException(what + " was interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + " ..." : body;
    }
}
