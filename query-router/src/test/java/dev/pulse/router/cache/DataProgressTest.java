package dev.pulse.router.cache;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant FIVE_MINUTES_LATER = T0.plusSeconds(300);

    private final DataProgress progress = DataProgress.forCatalog(CATALOG);

    @Test
    void neverGoesBack() {
        progress.advance("rollup_5m", FIVE_MINUTES_LATER);
        progress.advance("rollup_5m", T0);

        assertThat(progress.of("rollup_5m", "rollup_5m")).contains(FIVE_MINUTES_LATER);
    }

    @Test
    void aWindowDruidRollsUpFollowsItsSourcesProgress() {
        progress.advance("rollup_5m", T0);

        assertThat(progress.of("rollup_1h", "rollup_1h")).contains(T0);
    }

    @Test
    void aDerivedVersionFollowsTheSameVersionOfItsSource() {
        progress.advance("rollup_5m", FIVE_MINUTES_LATER);
        progress.advance("rollup_5m_v2", T0);

        assertThat(progress.of("rollup_1h_v2", "rollup_1h")).contains(T0);
    }

    @Test
    void noProgressYetIsEmpty() {
        assertThat(progress.of("rollup_1h", "rollup_1h")).isEmpty();
        assertThat(progress.latest()).isEmpty();
    }
}
