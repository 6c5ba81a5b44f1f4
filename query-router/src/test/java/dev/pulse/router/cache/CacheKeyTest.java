package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.Route;
import dev.pulse.router.routing.Target;
import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final Route ROLLUP_5M = new Route(Target.ROLLUP, "rollup_5m", "5m", "r");
    private static final MetricQuery BASE = new MetricQuery(List.of("events", "dau"),
            new TimeRange(T0, T0.plus(Duration.ofDays(1)), true), Granularity.HOUR,
            new TreeMap<>(Map.of("country", List.of("DE", "FR"))), List.of("device", "platform"), 100, null);

    private static String key(MetricQuery query) {
        return CacheKey.of(query, ROLLUP_5M, "rollup_5m", "none");
    }

    @Test
    void orderOfMetricsAndGroupByDoesNotMatter() {
        MetricQuery reordered = new MetricQuery(List.of("dau", "events"), BASE.range(), BASE.granularity(),
                new TreeMap<>(BASE.filters()), List.of("platform", "device"), 100, null);
        assertThat(key(reordered)).isEqualTo(key(BASE)).startsWith(CacheKey.PREFIX);
    }

    static List<UnaryOperator<MetricQuery>> changes() {
        return List.of(
                q -> new MetricQuery(List.of("events"), q.range(), q.granularity(), q.filters(), q.groupBy(), q.limit(), null),
                q -> new MetricQuery(q.metrics(), new TimeRange(T0.minusSeconds(3600), q.range().to(), true),
                        q.granularity(), q.filters(), q.groupBy(), q.limit(), null),
                q -> new MetricQuery(q.metrics(), q.range(), Granularity.DAY, q.filters(), q.groupBy(), q.limit(), null),
                q -> new MetricQuery(q.metrics(), q.range(), q.granularity(),
                        new TreeMap<>(Map.of("country", List.of("DE"))), q.groupBy(), q.limit(), null),
                // the same characters split into other values must not collide
                q -> new MetricQuery(q.metrics(), q.range(), q.granularity(),
                        new TreeMap<>(Map.of("country", List.of("DE;2:FR"))), q.groupBy(), q.limit(), null),
                q -> new MetricQuery(q.metrics(), q.range(), q.granularity(), q.filters(), List.of("device"), q.limit(), null),
                q -> new MetricQuery(q.metrics(), q.range(), q.granularity(), q.filters(), q.groupBy(), 101, null),
                q -> new MetricQuery(q.metrics(), q.range(), q.granularity(), q.filters(), q.groupBy(), q.limit(),
                        Duration.ofHours(1)));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void anyChangeOfMeaningChangesTheKey(UnaryOperator<MetricQuery> change) {
        assertThat(key(change.apply(BASE))).isNotEqualTo(key(BASE));
    }

    @Test
    void datasourceVersionAndDataVersionArePartOfTheKey() {
        assertThat(CacheKey.of(BASE, ROLLUP_5M, "rollup_5m_v2", "none")).isNotEqualTo(key(BASE));
        assertThat(CacheKey.of(BASE, ROLLUP_5M, "rollup_5m", "p1")).isNotEqualTo(key(BASE));
        assertThat(CacheKey.of(BASE, new Route(Target.RAW, "events_raw", null, "r"), "rollup_5m", "none"))
                .isNotEqualTo(key(BASE));
    }
}
