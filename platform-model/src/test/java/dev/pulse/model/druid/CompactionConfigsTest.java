package dev.pulse.model.druid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompactionConfigsTest {

    private static final MetricCatalog CATALOG = CatalogLoader.load(Path.of("..", CatalogLoader.DEFAULT_LOCATION));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRollupDatasourceIsCompactedAndTheRawEventsAreNot() {
        assertThat(CompactionConfigs.fromCatalog(CATALOG)).extracting(CompactionConfig::datasource)
                .containsExactly("rollup_1m", "rollup_5m", "rollup_1h", "rollup_1h_country", "rollup_1h_sliding");
    }

    @Test
    void settledDaysBecomeOneDaySegmentBesideWhichLateRowsCanStillBeAppended() throws Exception {
        JsonNode config = JSON.readTree(CompactionConfigs.fromCatalog(CATALOG).get(3).json());
        assertThat(config.path("dataSource").asText()).isEqualTo("rollup_1h_country");
        assertThat(config.path("skipOffsetFromLatest").asText()).isEqualTo("PT3H");
        assertThat(config.path("granularitySpec").path("segmentGranularity").asText()).isEqualTo("DAY");
        assertThat(config.path("granularitySpec").has("queryGranularity"))
                .as("the rows keep their window's granularity").isFalse();
        assertThat(config.path("taskContext").path("useConcurrentLocks").asBoolean()).isTrue();
    }

    @Test
    void theSupervisorsAppendWithConcurrentLocksToo() throws Exception {
        for (SupervisorSpec spec : SupervisorSpecs.fromCatalog(CATALOG, "localhost:9092")) {
            assertThat(JSON.readTree(spec.json()).path("context").path("useConcurrentLocks").asBoolean())
                    .as(spec.datasource()).isTrue();
        }
    }
}
