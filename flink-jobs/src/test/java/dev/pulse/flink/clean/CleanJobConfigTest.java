package dev.pulse.flink.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.flink.functions.ReplayAlignment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CleanJobConfigTest {

    @Test
    void alignsReplaysWithinFiveMinutesByDefault() {
        CleanJobConfig config = CleanJobConfig.parse(new String[0]);

        assertThat(config.alignment()).isEqualTo(ReplayAlignment.Settings.DEFAULT);
        assertThat(config.alignment().maxDrift()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.alignment().maxDrift()).as("inside the rollup's allowed lateness").isLessThan(Duration.ofHours(1));
    }

    @Test
    void takesTheAlignmentFromItsArguments() {
        CleanJobConfig config = CleanJobConfig.parse(new String[] {"--replay-max-drift", "90s",
                "--replay-alignment-interval", "0.05s"});

        assertThat(config.alignment()).isEqualTo(new ReplayAlignment.Settings(Duration.ofSeconds(90), Duration.ofMillis(50),
                Duration.ofSeconds(10)));
    }

    @Test
    void readsMillisecondsToo() {
        CleanJobConfig config = CleanJobConfig.parse(new String[] {"--replay-alignment-interval", "150ms"});

        assertThat(config.alignment().updateInterval()).isEqualTo(Duration.ofMillis(150));
        assertThatThrownBy(() -> CleanJobConfig.parse(new String[] {"--replay-alignment-interval", "0ms"}))
                .hasMessageContaining("--replay-alignment-interval: must be positive");
    }

    @Test
    void refusesADriftThatIsNoDuration() {
        assertThatThrownBy(() -> CleanJobConfig.parse(new String[] {"--replay-max-drift", "soon"}))
                .hasMessageContaining("--replay-max-drift: 'soon' is not a duration");
    }
}
