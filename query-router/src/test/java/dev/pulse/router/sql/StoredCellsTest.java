package dev.pulse.router.sql;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.Route;
import dev.pulse.router.routing.Target;
import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StoredCellsTest {

    private static final Instant FROM = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-28T00:00:00Z");
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final StoredCells CELLS = new StoredCells(CATALOG, new MetricSqlBuilder(CATALOG), true);
    private static final Route BY_COUNTRY = new Route(Target.ROLLUP, "rollup_1h_country", "1h_country", "test");
    private static final Route ALL_DIMENSIONS = new Route(Target.ROLLUP, "rollup_1h", "1h", "test");

    private static MetricQuery query(List<String> metrics, Granularity granularity, List<String> groupBy,
                                     Map<String, List<String>> filters, int limit) {
        return new MetricQuery(metrics, new TimeRange(FROM, TO, false), granularity, new TreeMap<>(filters), groupBy,
                limit, null);
    }

    private static MetricQuery hourlyByCountry(List<String> metrics) {
        return query(metrics, Granularity.HOUR, List.of("country"), Map.of(), 500);
    }

    private static Map<String, Object> row(long time, String country, long events) {
        Map<String, Object> row = new HashMap<>();
        row.put("time", time);
        row.put("country", country);
        row.put("m_events", events);
        return row;
    }

    @Test
    void hourlyCountriesFromTheCountryRollupAreAScanThatEstimatesEachStoredSketch() {
        SqlQuery sql = CELLS.scan(hourlyByCountry(List.of("events", "revenue", "dau")), BY_COUNTRY, "rollup_1h_country_v2")
                .orElseThrow();
        assertThat(sql.sql()).isEqualTo("SELECT TIMESTAMP_TO_MILLIS(\"__time\") AS \"time\", \"country\" AS \"country\","
                + " \"events\" AS \"m_events\", \"revenue\" AS \"m_revenue\","
                + " CAST(HLL_SKETCH_ESTIMATE(\"users\", TRUE) AS BIGINT) AS \"m_dau\" FROM \"rollup_1h_country_v2\""
                + " WHERE \"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                + " AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) LIMIT ?");
        assertThat(sql.parameters()).as("one row more than the answer may hold")
                .containsExactly(FROM.toEpochMilli(), TO.toEpochMilli(), 501);
    }

    @Test
    void aKeptDimensionFilteredToOneValueIsPartOfEveryCell() {
        MetricQuery oneCountryPerHour = query(List.of("dau"), Granularity.HOUR, List.of(),
                Map.of("country", List.of("DE' OR '1'='1")), 500);
        SqlQuery sql = CELLS.scan(oneCountryPerHour, BY_COUNTRY, "rollup_1h_country").orElseThrow();
        assertThat(sql.sql()).contains(" AND \"country\" IN (?) LIMIT ?").doesNotContain("1'='1");
        assertThat(sql.parameters()).containsExactly(FROM.toEpochMilli(), TO.toEpochMilli(), "DE' OR '1'='1", 501);
    }

    @Test
    void noScanWhenACellSpansSeveralStoredRows() {
        // rollup_1h keeps event type, device and platform too: a country's hour is many stored rows
        assertThat(CELLS.scan(hourlyByCountry(List.of("dau")), ALL_DIMENSIONS, "rollup_1h")).isEmpty();
        // two countries in one bucket
        assertThat(CELLS.scan(query(List.of("dau"), Granularity.HOUR, List.of(),
                Map.of("country", List.of("DE", "FR")), 500), BY_COUNTRY, "rollup_1h_country")).isEmpty();
        // daily buckets over hourly rows
        assertThat(CELLS.scan(query(List.of("dau"), Granularity.DAY, List.of("country"), Map.of(), 500), BY_COUNTRY,
                "rollup_1h_country")).isEmpty();
        assertThat(CELLS.scan(query(List.of("dau"), Granularity.ALL, List.of("country"), Map.of(), 500), BY_COUNTRY,
                "rollup_1h_country")).isEmpty();
    }

    @Test
    void noScanForRatiosRawEventsOrSlidingWindows() {
        assertThat(CELLS.scan(hourlyByCountry(List.of("events", "conversion_rate")), BY_COUNTRY, "rollup_1h_country"))
                .isEmpty();
        assertThat(CELLS.scan(hourlyByCountry(List.of("dau")),
                new Route(Target.RAW, Route.RAW_DATASOURCE, null, "test"), "events_raw")).isEmpty();
        MetricQuery moving = new MetricQuery(List.of("dau"), new TimeRange(FROM, TO, false), Granularity.FIVE_MINUTE,
                new TreeMap<>(), List.of("event_type", "country", "device", "platform"), 500, Duration.ofHours(1));
        assertThat(CELLS.scan(moving, new Route(Target.ROLLUP, "rollup_1h_sliding", "1h_sliding", "test"),
                "rollup_1h_sliding")).isEmpty();
    }

    @Test
    void switchedOffNothingIsScanned() {
        assertThat(new StoredCells(CATALOG, new MetricSqlBuilder(CATALOG), false).scan(hourlyByCountry(List.of("dau")), BY_COUNTRY, "rollup_1h_country"))
                .isEmpty();
    }

    @Test
    void rowsThatAreOneCellEachAreTheAnswerInTimeThenGroupOrder() {
        MetricQuery query = hourlyByCountry(List.of("events"));
        List<Map<String, Object>> scanned = List.of(row(2 * HOUR, "DE", 3), row(HOUR, "FR", 2), row(HOUR, null, 9),
                row(HOUR, "DE", 1));

        StoredCells.Scanned read = CELLS.read(query, scanned).orElseThrow();

        assertThat(read.regroup()).isEmpty();
        assertThat(read.with(List.of())).extracting(r -> r.get("m_events")).containsExactly(9L, 1L, 2L, 3L);
    }

    @Test
    void bucketsWithARepeatedCellAreLeftToTheGroupedQueryTheOthersAnswered() {
        MetricQuery query = hourlyByCountry(List.of("events"));
        // DE at 2h, FR at 3h and DE at 5h are in two rows each (a live hour, an append): only Druid merges their sketches
        List<Map<String, Object>> scanned = List.of(row(0, "DE", 1), row(2 * HOUR, "DE", 2), row(2 * HOUR, "DE", 3),
                row(2 * HOUR, "FR", 8), row(3 * HOUR, "FR", 5), row(3 * HOUR, "FR", 6), row(4 * HOUR, "DE", 4),
                row(5 * HOUR, "DE", 7), row(5 * HOUR, "DE", 9), row(6 * HOUR, "FR", 10));

        StoredCells.Scanned read = CELLS.read(query, scanned).orElseThrow();

        assertThat(read.regroup()).as("consecutive buckets in one run")
                .extracting(r -> r.from().toEpochMilli() / HOUR, r -> r.to().toEpochMilli() / HOUR)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 4L), org.assertj.core.groups.Tuple.tuple(5L, 6L));
        assertThat(read.cells()).as("every cell of a bucket with a repeated one is left to the grouped query")
                .extracting(r -> r.get("m_events")).containsExactly(1L, 4L, 10L);
        List<Map<String, Object>> grouped = List.of(row(2 * HOUR, "DE", 5), row(2 * HOUR, "FR", 8),
                row(3 * HOUR, "FR", 11), row(5 * HOUR, "DE", 16));
        assertThat(read.with(grouped)).extracting(r -> r.get("m_events"))
                .containsExactly(1L, 5L, 8L, 11L, 4L, 16L, 10L);
    }

    @Test
    void aMissingValueRepeatedIsARepeatedCell() {
        MetricQuery query = hourlyByCountry(List.of("events"));
        StoredCells.Scanned read = CELLS.read(query, List.of(row(HOUR, null, 1), row(HOUR, null, 4))).orElseThrow();
        assertThat(read.regroup()).hasSize(1);
        assertThat(read.cells()).isEmpty();
    }

    @Test
    void aScanThatFilledItsLimitLeavesTheWholeRangeToTheGroupedQuery() {
        // the grouped query keeps the first cells in time; an arbitrary part of the scan would not be those
        MetricQuery query = query(List.of("events"), Granularity.HOUR, List.of("country"), Map.of(), 2);
        List<Map<String, Object>> scanned = List.of(row(3 * HOUR, "DE", 1), row(HOUR, "FR", 2), row(2 * HOUR, "DE", 4));
        assertThat(CELLS.read(query, scanned)).isEmpty();
        assertThat(CELLS.read(query, scanned.subList(0, 2))).isPresent();
    }
}
