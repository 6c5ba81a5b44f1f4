package dev.pulse.router.routing;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.query.BadQueryException;
import dev.pulse.router.query.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final Router ROUTER = new Router(CATALOG, Duration.ofDays(90));

    /** The decision table: dimensions, granularity, range length and alignment, moving window -> datasource. */
    @ParameterizedTest(name = "{0}: {1} {2} over {3} from +{4} moving={5} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            hourly chart by country   | country        | hour    | P7D   | PT0S  | -    | rollup_1h_country
            hourly chart by device    | device         | hour    | P7D   | PT0S  | -    | rollup_1h
            country filter, no group  | -:country      | day     | P7D   | PT0S  | -    | rollup_1h_country
            minute chart              | country        | minute  | PT6H  | PT0S  | -    | rollup_1m
            5-minute chart            | device         | 5minute | P1D   | PT0S  | -    | rollup_5m
            hour-aligned 5-minute     | device         | 5minute | PT1H  | PT0S  | -    | rollup_5m
            daily totals              | -              | day     | P30D  | PT0S  | -    | rollup_1h_country
            one number                | -              | all     | P1D   | PT0S  | -    | rollup_1h_country
            not hour-aligned          | -              | all     | PT1H  | PT5M  | -    | rollup_5m
            exactly 90 days           | platform       | day     | P90D  | PT0S  | -    | rollup_1h
            91 days                   | country        | day     | P91D  | PT0S  | -    | events_raw
            raw-only dimension        | sku            | hour    | P1D   | PT0S  | -    | events_raw
            raw-only filter only      | -:sku          | hour    | P1D   | PT0S  | -    | events_raw
            minute-aligned only       | -              | all     | PT1H  | PT1M  | -    | rollup_1m
            not minute-aligned        | -              | all     | PT1H  | PT30S | -    | events_raw
            moving hour               | country        | 5minute | P1D   | PT0S  | PT1H | rollup_1h_sliding
            """)
    void routes(String name, String dimensions, String granularity, String length, String offset, String moving,
                String datasource) {
        Route route = ROUTER.route(query(dimensions, granularity, length, offset, moving));
        assertThat(route.datasource()).isEqualTo(datasource);
        assertThat(route.target()).isEqualTo(datasource.equals("events_raw") ? Target.RAW : Target.ROLLUP);
        assertThat(route.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            moving hour by the hour      | country | hour    | P1D   | PT0S | PT1H
            moving with raw dimension    | sku     | 5minute | P1D   | PT0S | PT1H
            no sliding window of 2 hours | country | 5minute | P1D   | PT0S | PT2H
            moving over 90 days          | country | 5minute | P100D | PT0S | PT1H
            """)
    void refusesMovingQueriesNoRollupCanAnswer(String name, String dimensions, String granularity, String length,
                                                String offset, String moving) {
        assertThatThrownBy(() -> ROUTER.route(query(dimensions, granularity, length, offset, moving)))
                .isInstanceOf(BadQueryException.class);
    }

    @org.junit.jupiter.api.Test
    void aRatioOfEventTypesNeedsARollupThatKeepsTheEventType() {
        MetricQuery base = query("country", "hour", "P7D", "PT0S", null);
        MetricQuery conversion = new MetricQuery(List.of("conversion_rate"), base.range(), base.granularity(),
                base.filters(), base.groupBy(), base.limit(), null);

        assertThat(ROUTER.route(conversion).datasource()).isEqualTo("rollup_1h");
    }

    @org.junit.jupiter.api.Test
    void rawReasonNamesTheDimensionAndItsCardinality() {
        Route route = ROUTER.route(query("country,sku", "hour", "P1D", "PT0S", null));
        assertThat(route.reason()).isEqualTo("dimension sku is not in the rollups (cardinality 100000)");
    }

    /** dimensions: "a,b" groups by them; "-:x" filters on x only. */
    static MetricQuery query(String dimensions, String granularity, String length, String offset, String moving) {
        List<String> groupBy = List.of();
        Map<String, List<String>> filters = new TreeMap<>();
        if (dimensions != null && dimensions.startsWith("-:")) {
            filters.put(dimensions.substring(2), List.of("x"));
        } else if (dimensions != null) {
            groupBy = List.of(dimensions.split(","));
        }
        Instant from = T0.plus(Duration.parse(offset));
        Duration span = Duration.parse(length);
        return new MetricQuery(List.of("events"), new TimeRange(from, from.plus(span), false),
                Granularity.of(granularity).orElseThrow(), new TreeMap<>(filters), groupBy, 100,
                moving == null ? null : Duration.parse(moving));
    }
}
