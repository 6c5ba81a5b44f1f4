package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofMinutes(10));

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            reaches the present,         2026-11-28T09:00:00Z, 2026-11-28T11:00:00Z, true,  PT30S
            ended a minute ago,          2026-11-28T08:00:00Z, 2026-11-28T09:59:00Z, false, PT30S
            ended ten minutes ago,       2026-11-28T08:00:00Z, 2026-11-28T09:50:00Z, false, PT1H
            last week,                   2026-11-20T00:00:00Z, 2026-11-21T00:00:00Z, false, PT1H
            """)
    void liveRangesExpireSoonSettledOnesLater(String name, String from, String to, boolean live, String ttl) {
        TimeRange range = new TimeRange(Instant.parse(from), Instant.parse(to), live);
        assertThat(POLICY.ttl(range, NOW)).isEqualTo(Duration.parse(ttl));
    }

    @ParameterizedTest(name = "progress {0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            -,                    none
            2026-11-28T09:30:00Z, p1795858200000
            2026-11-28T10:00:00Z, complete
            2026-11-28T12:00:00Z, complete
            """)
    void dataVersionFollowsProgressUntilTheRangeIsComplete(String progress, String version) {
        TimeRange range = new TimeRange(Instant.parse("2026-11-28T09:00:00Z"), Instant.parse("2026-11-28T10:00:00Z"),
                false);
        assertThat(CachePolicy.dataVersion(progress == null ? null : Instant.parse(progress), range))
                .isEqualTo(version);
    }
}
