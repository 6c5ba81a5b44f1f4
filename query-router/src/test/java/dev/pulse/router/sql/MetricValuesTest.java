package dev.pulse.router.sql;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetricValuesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void finishesRatiosAndRatesAndFormatsTime() {
        MetricQuery query = new MetricQuery(List.of("conversion_rate", "events_per_minute", "events"),
                new TimeRange(T0, T0.plusSeconds(7200), false), Granularity.HOUR, new TreeMap<>(), List.of("country"),
                10, null);
        List<Map<String, Object>> rows = new MetricValues(CATALOG).rows(query, List.of(
                Map.of("time", T0.toEpochMilli(), "country", "DE", "n_conversion_rate", 5L, "d_conversion_rate", 20L,
                        "m_events_per_minute", 120L, "m_events", 120L),
                Map.of("time", T0.plusSeconds(3600).toEpochMilli(), "country", "FR", "n_conversion_rate", 0L,
                        "d_conversion_rate", 0L, "m_events_per_minute", 0L, "m_events", 0L)));
        assertThat(rows.get(0)).containsExactly(Map.entry("time", "2026-11-28T10:00:00Z"), Map.entry("country", "DE"),
                Map.entry("conversion_rate", 0.25), Map.entry("events_per_minute", 2.0), Map.entry("events", 120L));
        assertThat(rows.get(1)).containsEntry("conversion_rate", null).containsEntry("events_per_minute", 0.0);
    }
}
