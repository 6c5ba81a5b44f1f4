package dev.pulse.router.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.TimeRange;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeResolverTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:17:42Z");

    /** Relative ranges end at the end of the current bucket, so refreshes within a bucket share a key. */
    @ParameterizedTest(name = "last {0} by {1}")
    @CsvSource(textBlock = """
            24h, hour,    2026-11-27T11:00:00Z, 2026-11-28T11:00:00Z
            7d,  hour,    2026-11-21T11:00:00Z, 2026-11-28T11:00:00Z
            1h,  minute,  2026-11-28T09:18:00Z, 2026-11-28T10:18:00Z
            1h,  5minute, 2026-11-28T09:20:00Z, 2026-11-28T10:20:00Z
            30m, all,     2026-11-28T09:48:00Z, 2026-11-28T10:18:00Z
            2d,  day,     2026-11-27T00:00:00Z, 2026-11-29T00:00:00Z
            2w,  day,     2026-11-15T00:00:00Z, 2026-11-29T00:00:00Z
            """)
    void snapsRelativeRangesToTheGranularity(String last, String granularity, String from, String to) {
        TimeRange range = RangeResolver.resolve(new MetricQueryRequest.RangeSpec(null, null, last),
                Granularity.of(granularity).orElseThrow(), NOW);
        assertThat(range).isEqualTo(new TimeRange(Instant.parse(from), Instant.parse(to), true));
    }

    @Test
    void refreshesWithinOneBucketResolveAlike() {
        var spec = new MetricQueryRequest.RangeSpec(null, null, "24h");
        assertThat(RangeResolver.resolve(spec, Granularity.HOUR, Instant.parse("2026-11-28T10:00:00Z")))
                .isEqualTo(RangeResolver.resolve(spec, Granularity.HOUR, Instant.parse("2026-11-28T10:59:59.999Z")));
        assertThat(RangeResolver.resolve(spec, Granularity.HOUR, Instant.parse("2026-11-28T11:00:00Z")))
                .isNotEqualTo(RangeResolver.resolve(spec, Granularity.HOUR, Instant.parse("2026-11-28T10:59:59Z")));
    }

    @Test
    void absoluteRangesAreKeptAsSentAndLiveOnlyWhenReachingThePresent() {
        TimeRange past = RangeResolver.resolve(new MetricQueryRequest.RangeSpec("2026-11-01T00:00:00Z",
                "2026-11-08T00:00:00Z", null), Granularity.HOUR, NOW);
        assertThat(past).isEqualTo(new TimeRange(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-08T00:00:00Z"), false));
        TimeRange current = RangeResolver.resolve(new MetricQueryRequest.RangeSpec("2026-11-28T00:00:00Z",
                "2026-11-29T00:00:00Z", null), Granularity.HOUR, NOW);
        assertThat(current.live()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                    | -                    | -
            2026-11-01T00:00:00Z | -                    | 24h
            2026-11-02T00:00:00Z | 2026-11-01T00:00:00Z | -
            yesterday            | 2026-11-01T00:00:00Z | -
            -                    | -                    | 24 hours
            -                    | -                    | 0h
            """)
    void refusesMalformedRanges(String from, String to, String last) {
        var spec = new MetricQueryRequest.RangeSpec(from, to, last);
        assertThatThrownBy(() -> RangeResolver.resolve(spec, Granularity.HOUR, NOW))
                .isInstanceOf(BadQueryException.class);
    }
}
