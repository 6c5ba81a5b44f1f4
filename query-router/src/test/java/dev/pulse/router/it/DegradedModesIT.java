package dev.pulse.router.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.it.RouterInstance.Answer;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What callers see when an engine fails: slower answers without Redis, 503 without Druid, 504 on timeout. */
@ExtendWith(PulseStackExtension.class)
class DegradedModesIT {

    private static TestDatasets data;

    @org.junit.jupiter.api.BeforeAll
    static void load(StackAddresses stack) throws Exception {
        data = TestDatasets.load(stack);
    }

    @org.junit.jupiter.api.AfterAll
    static void drop() {
        if (data != null) {
            data.close();
        }
    }

    private static String query(TestDatasets data) {
        return "{\"metrics\":[\"events\",\"dau\"],\"range\":{\"from\":\"" + data.from + "\",\"to\":\"" + data.to
                + "\"},\"granularity\":\"hour\",\"groupBy\":[\"country\"]}";
    }

    @Test
    void redisStoppedMidTestDegradesToDirectQueries(StackAddresses stack) throws Exception {
        int port = freePort();
        // a Redis of this test's own: the shared one on 6379 serves other engineers' tests
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(new File("target/it-redis.log")).start();
        try {
            awaitPort(port);
            try (RouterInstance router = new RouterInstance(stack, Map.of(
                    "pulse.router.cache.redis-uri", "redis://localhost:" + port,
                    // Redis alone: the instance's own copies (LocalAnswers) would answer the repeats below as hits
                    "pulse.router.cache.local-bytes", "0",
                    "pulse.router.progress.enabled", "false"))) {
                router.useDatasources(data.physicalByLogical);
                Answer miss = router.post("/v1/query/metrics", RouterInstance.VIEWER, query(data));
                Answer hit = router.post("/v1/query/metrics", RouterInstance.VIEWER, query(data));
                assertThat(miss.cache()).as(miss.body().toString()).isEqualTo("miss");
                assertThat(hit.cache()).as(hit.body().toString()).isEqualTo("hit");

                redis.destroyForcibly().waitFor();

                for (int i = 0; i < 3; i++) {
                    Answer degraded = router.post("/v1/query/metrics", RouterInstance.VIEWER, query(data));
                    assertThat(degraded.status()).as(degraded.body().toString()).isEqualTo(200);
                    assertThat(degraded.cache()).isEqualTo("bypass");
                    assertThat(degraded.rows()).isEqualTo(miss.rows());
                }
                assertThat(router.get("/actuator/health", null).body().path("status").asText()).isEqualTo("UP");
            }
        } finally {
            redis.destroyForcibly();
        }
    }

    @Test
    void druidUnreachableIs503(StackAddresses stack) throws Exception {
        int closed = freePort();
        try (RouterInstance router = new RouterInstance(stack, Map.of(
                "pulse.router.druid.url", "jdbc:avatica:remote:url=http://localhost:" + closed
                        + "/druid/v2/sql/avatica/;transparent_reconnection=true",
                "pulse.router.druid.dashboard.connect-timeout", "1s",
                "pulse.router.progress.enabled", "false"))) {
            Answer answer = router.post("/v1/query/metrics", RouterInstance.VIEWER,
                    "{\"metrics\":[\"events\"],\"range\":{\"last\":\"1h\"},\"granularity\":\"minute\"}");
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
            assertThat(answer.body().path("title").asText()).isEqualTo("Druid unavailable");
        }
    }

    @Test
    void druidTimeoutIs504(StackAddresses stack) throws Exception {
        try (RouterInstance router = new RouterInstance(stack, Map.of(
                // Druid's own timeout context, far below what any query takes
                "pulse.router.druid.adhoc.timeout", "1ms",
                "pulse.router.progress.enabled", "false"))) {
            router.useDatasources(data.physicalByLogical);
            Answer answer = router.post("/v1/query/adhoc", RouterInstance.ANALYST, query(data));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(504);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }
}
