package dev.pulse.router.admin;

import static dev.pulse.router.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.query.BadQueryException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasourceVersionsTest {

    @Test
    void startsWithTheCatalogNamesAndConfiguredVersions() {
        DatasourceVersions versions = new DatasourceVersions(CATALOG, Map.of("rollup_1m", "rollup_1m_v3"));
        assertThat(versions.physical("rollup_1m")).isEqualTo("rollup_1m_v3");
        assertThat(versions.physical("rollup_5m")).isEqualTo("rollup_5m");
        assertThat(versions.physical("events_raw")).isEqualTo("events_raw");
    }

    @Test
    void aSuffixSwitchesEveryRollupAtOnceAndLeavesRawAlone() {
        DatasourceVersions versions = new DatasourceVersions(CATALOG, Map.of());
        assertThat(versions.activate(versions.withChanges(versions.rollupsWithSuffix("_v2")))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "rollup_1m", "rollup_1m_v2", "rollup_5m", "rollup_5m_v2", "rollup_1h", "rollup_1h_v2",
                "rollup_1h_country", "rollup_1h_country_v2",
                "rollup_1h_sliding", "rollup_1h_sliding_v2", "events_raw", "events_raw"));
    }

    @Test
    void computingASwitchDoesNotMakeItActive() {
        DatasourceVersions versions = new DatasourceVersions(CATALOG, Map.of());
        Map<String, String> next = versions.withChanges(Map.of("rollup_5m", "rollup_5m_v3"));

        assertThat(next).containsEntry("rollup_5m", "rollup_5m_v3").containsEntry("rollup_1m", "rollup_1m");
        assertThat(versions.physical("rollup_5m")).isEqualTo("rollup_5m");
    }

    @Test
    void activatingAStoredMappingReplacesTheWholeMapping() {
        DatasourceVersions versions = new DatasourceVersions(CATALOG, Map.of("rollup_1m", "rollup_1m_v2"));
        versions.activate(Map.of("rollup_5m", "rollup_5m_v2"));

        assertThat(versions.physical("rollup_5m")).isEqualTo("rollup_5m_v2");
        assertThat(versions.physical("rollup_1m")).as("not named: answers for itself").isEqualTo("rollup_1m");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            rollup_2m,  rollup_2m_v2
            rollup_1m,  events_raw
            rollup_1m,  rollup_1m_v2\"; DROP
            rollup_1m,  'rollup_1m v2'
            """)
    void refusesUnknownOrUnsafeNamesAndKeepsTheOldMapping(String logical, String physical) {
        DatasourceVersions versions = new DatasourceVersions(CATALOG, Map.of());
        assertThatThrownBy(() -> versions.withChanges(Map.of("rollup_5m", "rollup_5m_v2", logical, physical)))
                .isInstanceOf(BadQueryException.class);
        assertThat(versions.physical("rollup_5m")).isEqualTo("rollup_5m");
    }
}
