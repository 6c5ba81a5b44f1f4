package dev.pulse.router.sql;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.Target;
import dev.pulse.router.routing.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetricSqlBuilderTest {

    private static final Instant FROM = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-28T00:00:00Z");
    private static final String HOSTILE = "DE' OR '1'='1";
    private static final MetricSqlBuilder BUILDER = new MetricSqlBuilder(CATALOG);

    private static MetricQuery query(List<String> metrics, List<String> groupBy, Map<String, List<String>> filters) {
        return new MetricQuery(metrics, new TimeRange(FROM, TO, false), Granularity.HOUR, new TreeMap<>(filters),
                groupBy, 500, null);
    }

    @Test
    void dauByCountryPerHourFromTheRollup() {
        SqlQuery sql = BUILDER.build(query(List.of("dau"), List.of("country"), Map.of()), Target.ROLLUP, "rollup_5m_v2");
        assertThat(sql.sql()).isEqualTo("SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(\"__time\", 'PT1H')) AS \"time\","
                + " \"country\" AS \"country\", APPROX_COUNT_DISTINCT_DS_HLL(\"users\", 12, 'HLL_8') AS \"m_dau\""
                + " FROM \"rollup_5m_v2\" WHERE \"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                + " AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                + " GROUP BY TIME_FLOOR(\"__time\", 'PT1H'), \"country\" ORDER BY TIME_FLOOR(\"__time\", 'PT1H') LIMIT ?");
        assertThat(sql.parameters()).containsExactly(FROM.toEpochMilli(), TO.toEpochMilli(), 500);
    }

    @Test
    void partsOfTheRangeAreOneConditionEachAllBound() {
        Instant noon = FROM.plusSeconds(12 * 3600);
        SqlQuery sql = BUILDER.build(query(List.of("events"), List.of("country"), Map.of("device", List.of("mobile"))),
                Target.ROLLUP, "rollup_1h_country", List.of(new TimeRange(FROM, FROM.plusSeconds(3600), false),
                        new TimeRange(noon, TO, false)));
        assertThat(sql.sql()).contains(" WHERE (\"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                + " AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) OR \"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                + " AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))) AND \"device\" IN (?) GROUP BY");
        assertThat(sql.parameters()).containsExactly(FROM.toEpochMilli(), FROM.plusSeconds(3600).toEpochMilli(),
                noon.toEpochMilli(), TO.toEpochMilli(), "mobile", 500);
    }

    @Test
    void sameMetricsFromRawUseTheRawColumns() {
        SqlQuery sql = BUILDER.build(query(List.of("events", "revenue", "dau"), List.of("sku"), Map.of()),
                Target.RAW, "events_raw");
        assertThat(sql.sql()).contains("COUNT(*) AS \"m_events\"", "SUM(\"revenue\") AS \"m_revenue\"",
                "APPROX_COUNT_DISTINCT_DS_HLL(\"user_id\", 12, 'HLL_8') AS \"m_dau\"", "\"prop_sku\" AS \"sku\"",
                "FROM \"events_raw\"");
    }

    @Test
    void filterValuesAndEventTypesAreBoundNeverWritten() {
        SqlQuery sql = BUILDER.build(query(List.of("conversion_rate"), List.of(),
                Map.of("country", List.of("Germany", HOSTILE))), Target.ROLLUP, "rollup_5m");
        assertThat(sql.sql()).doesNotContain("Germany").doesNotContain("1'='1").doesNotContain("transaction").doesNotContain("page_view")
                .contains("\"country\" IN (?, ?)", "FILTER (WHERE \"event_type\" IN (?)) AS \"n_conversion_rate\"");
        assertThat(sql.parameters()).containsExactly("transaction", "page_view", FROM.toEpochMilli(),
                TO.toEpochMilli(), "Germany", HOSTILE, 500);
    }

    @Test
    void allGranularityHasNoTimeColumn() {
        MetricQuery all = new MetricQuery(List.of("events"), new TimeRange(FROM, TO, false), Granularity.ALL,
                new TreeMap<>(), List.of(), 10, null);
        assertThat(BUILDER.build(all, Target.ROLLUP, "rollup_5m").sql())
                .isEqualTo("SELECT SUM(\"events\") AS \"m_events\" FROM \"rollup_5m\" WHERE \"__time\" >="
                        + " MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                        + " LIMIT ?");
    }
}
