package dev.pulse.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ingest.IngestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The local profile's demo key works there, and the service refuses to start with it anywhere else. */
class DemoKeyProfileTest {

    private static final String[] NO_KAFKA = {"--pulse.ingest.kafka.bootstrap-servers=localhost:1",
            "--pulse.ingest.kafka.probe-interval=1s"};

    @Test
    void theLocalProfileShipsTheDemoKey() {
        try (ConfigurableApplicationContext context = app().profiles("local").run(NO_KAFKA)) {
            assertThat(context.getBean(WriteKeys.class).authenticate("pulse-demo-write-key")).isEqualTo("demo");
        }
    }

    @Test
    void anyOtherProfileRefusesToStartWithTheDemoKey() {
        String[] args = {NO_KAFKA[0], NO_KAFKA[1], "--spring.profiles.active=prod",
                "--pulse.ingest.auth.write-keys[0].source=copied-from-local",
                "--pulse.ingest.auth.write-keys[0].sha256=f212ff370b6a8b2467dda714f648e982565818513dd70f5f29d2515f4a8becca"};

        assertThatThrownBy(() -> app().run(args).close())
                .rootCause().hasMessageContaining("the demo write key (source 'copied-from-local') is only allowed in the local profile");
    }

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(IngestApplication.class).web(WebApplicationType.NONE);
    }
}
