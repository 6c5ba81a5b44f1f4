package dev.pulse.stack.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Healthy when a GET answers 200 with a body the predicate accepts. */
public final class HttpHealth implements HealthCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI uri;
    private final Predicate<String> bodyOk;
    private final String expectation;

    private HttpHealth(URI uri, Predicate<String> bodyOk, String expectation) {
        this.uri = uri;
        this.bodyOk = bodyOk;
        this.expectation = expectation;
    }

    public static HttpHealth ok(String url) {
        return new HttpHealth(URI.create(url), body -> true, "200");
    }

    public static HttpHealth body(String url, Predicate<String> bodyOk, String expectation) {
        return new HttpHealth(URI.create(url), bodyOk, expectation);
    }

    @Override
    public Health check() {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Health.down(uri.getPath() + " answered " + response.statusCode());
            }
            return bodyOk.test(response.body()) ? Health.up() : Health.down("waiting for " + expectation);
        } catch (java.io.IOException e) {
            return Health.down("no answer on " + uri.getAuthority());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }
}
