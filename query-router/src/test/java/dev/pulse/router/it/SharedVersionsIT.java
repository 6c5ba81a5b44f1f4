package dev.pulse.router.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.it.RouterInstance.Answer;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A datasource switch reaches every router instance and survives a restart: the versions live in a compacted topic
 * (here one of this test's own, so the stack's router never sees these switches).
 */
@ExtendWith(PulseStackExtension.class)
class SharedVersionsIT {

    @Test
    void aSwitchOnOneInstanceReachesTheOthersAndSurvivesARestart(StackAddresses stack) throws Exception {
        String topic = "config.datasource-versions.it" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Map<String, String> shared = Map.of("pulse.router.versions.shared", "true",
                "pulse.router.versions.topic", topic, "pulse.router.progress.enabled", "false");
        try {
            try (RouterInstance first = new RouterInstance(stack, shared);
                 RouterInstance second = new RouterInstance(stack, shared)) {
                Answer switched = first.post("/v1/admin/datasource-version", RouterInstance.ADMIN,
                        "{\"suffix\":\"_v2\"}");
                assertThat(switched.status()).as(switched.body().toString()).isEqualTo(200);
                assertThat(switched.body().path("datasources").path("rollup_1h").asText()).isEqualTo("rollup_1h_v2");

                assertThat(awaitVersion(second, "rollup_5m", "rollup_5m_v2")).as("the other instance follows")
                        .isEqualTo("rollup_5m_v2");
                assertThat(versionOf(second, "events_raw")).as("raw events are not a rollup").isEqualTo("events_raw");
            }
            try (RouterInstance restarted = new RouterInstance(stack, shared)) {
                assertThat(versionOf(restarted, "rollup_1m")).as("read back at start, before serving")
                        .isEqualTo("rollup_1m_v2");
            }
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
                admin.deleteTopics(List.of(topic)).all().get();
            } catch (java.util.concurrent.ExecutionException notCreated) {
                // the router could not create it: the assertions above already say why
            }
        }
    }

    private static String awaitVersion(RouterInstance router, String logical, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String version = versionOf(router, logical);
        while (!version.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            version = versionOf(router, logical);
        }
        return version;
    }

    private static String versionOf(RouterInstance router, String logical) throws Exception {
        return router.get("/v1/admin/datasource-version", RouterInstance.ADMIN).body().path("datasources")
                .path(logical).asText();
    }
}
