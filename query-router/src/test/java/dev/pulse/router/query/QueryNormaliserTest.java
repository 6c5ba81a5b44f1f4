package dev.pulse.router.query;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.routing.Granularity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryNormaliserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:17:42Z");
    private static final QueryNormaliser NORMALISER = new QueryNormaliser(CATALOG, 1000, 5000);
    private static final MetricQueryRequest.RangeSpec LAST_DAY = new MetricQueryRequest.RangeSpec(null, null, "24h");

    @Test
    void sameQuestionInAnotherSpellingHasTheSameNormalForm() {
        var a = new MetricQueryRequest(List.of("events", "dau"), LAST_DAY, "hour",
                Map.of("country", List.of("DE", "FR", "DE")), List.of("device"), null, null);
        var b = new MetricQueryRequest(List.of("events", "dau", "events"), LAST_DAY, "hour",
                Map.of("country", List.of("FR", "DE")), List.of("device", "device"), null, null);
        assertThat(NORMALISER.normalise(a, NOW)).isEqualTo(NORMALISER.normalise(b, NOW));
        assertThat(NORMALISER.normalise(a, NOW).filters()).containsEntry("country", List.of("DE", "FR"));
    }

    @Test
    void appliesDefaults() {
        MetricQuery query = NORMALISER.normalise(new MetricQueryRequest(List.of("events"), LAST_DAY, null, null, null,
                null, null), NOW);
        assertThat(query.granularity()).isEqualTo(Granularity.ALL);
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(query.groupBy()).isEmpty();
        assertThat(query.filters()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no metric            | ''         | hour   | country | country | 10    | metrics must name
            unknown metric       | clicks     | hour   | country | country | 10    | unknown metric 'clicks'
            unknown granularity  | events     | week   | country | country | 10    | granularity must be one of
            unknown group-by     | events     | hour   | browser | country | 10    | groupBy: unknown dimension 'browser'
            unknown filter       | events     | hour   | country | city    | 10    | filters: unknown dimension 'city'
            limit too large      | events     | hour   | country | country | 5001  | limit must be between 1 and 5000
            limit zero           | events     | hour   | country | country | 0     | limit must be between 1 and 5000
            """)
    void refusesWhatTheCatalogDoesNotDefine(String name, String metric, String granularity, String groupBy,
                                            String filter, int limit, String message) {
        var request = new MetricQueryRequest(metric.isEmpty() ? List.of() : List.of(metric), LAST_DAY, granularity,
                Map.of(filter, List.of("x")), List.of(groupBy), limit, null);
        assertThatThrownBy(() -> NORMALISER.normalise(request, NOW))
                .isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }

    @Test
    void keepsHostileFilterValuesAsValues() {
        String hostile = "DE') OR 1=1; DROP TABLE events_raw; --";
        MetricQuery query = NORMALISER.normalise(new MetricQueryRequest(List.of("events"), LAST_DAY, "hour",
                Map.of("country", List.of(hostile)), List.of(), null, null), NOW);
        assertThat(query.filters().get("country")).containsExactly(hostile);
    }

    @Test
    void refusesOverlongFilterValues() {
        var request = new MetricQueryRequest(List.of("events"), LAST_DAY, "hour",
                Map.of("country", List.of("x".repeat(257))), List.of(), null, null);
        assertThatThrownBy(() -> NORMALISER.normalise(request, NOW)).isInstanceOf(BadQueryException.class);
    }
}
