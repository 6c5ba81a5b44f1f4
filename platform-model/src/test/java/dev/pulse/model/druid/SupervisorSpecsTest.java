package dev.pulse.model.druid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SupervisorSpecsTest {

    private static final MetricCatalog CATALOG = CatalogLoader.load(Path.of("..", CatalogLoader.DEFAULT_LOCATION));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode spec(String datasource) throws Exception {
        return JSON.readTree(SupervisorSpecs.fromCatalog(CATALOG, "localhost:9092").stream()
                .filter(s -> s.datasource().equals(datasource)).findFirst().orElseThrow().json());
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.isTextual() ? n.asText() : n.path(field).asText()).toList();
    }

    @Test
    void oneSupervisorForTheRawEventsAndOnePerCatalogWindow() {
        assertThat(SupervisorSpecs.fromCatalog(CATALOG, "localhost:9092"))
                .extracting(SupervisorSpec::datasource, SupervisorSpec::topic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("events_raw", "events.clean"),
                        org.assertj.core.groups.Tuple.tuple("rollup_1m", "rollups.1m"),
                        org.assertj.core.groups.Tuple.tuple("rollup_5m", "rollups.5m"),
                        org.assertj.core.groups.Tuple.tuple("rollup_1h", "rollups.5m"),
                        org.assertj.core.groups.Tuple.tuple("rollup_1h_country", "rollups.5m"),
                        org.assertj.core.groups.Tuple.tuple("rollup_1h_sliding", "rollups.1h_sliding"));
    }

    @Test
    void aWindowRolledUpByDruidReadsItsSourceTopicAtItsOwnGranularity() throws Exception {
        JsonNode spec = spec("rollup_1h").path("spec");
        assertThat(spec.path("ioConfig").path("topic").asText()).isEqualTo("rollups.5m");
        JsonNode granularity = spec.path("dataSchema").path("granularitySpec");
        assertThat(granularity.path("queryGranularity").path("period").asText()).isEqualTo("PT1H");
        assertThat(granularity.path("rollup").asBoolean()).isTrue();
        assertThat(spec.path("dataSchema").path("metricsSpec")).extracting(m -> m.path("type").asText())
                .as("additive deltas and mergeable sketches: rolling 5-minute rows up to hours is exact")
                .containsExactly("longSum", "doubleSum", "HLLSketchMerge");
    }

    @Test
    void aWindowKeepingFewerDimensionsListsOnlyThose() throws Exception {
        JsonNode schema = spec("rollup_1h_country").path("spec").path("dataSchema");
        assertThat(texts(schema.path("dimensionsSpec").path("dimensions"), "name")).as("merged across the others")
                .containsExactly("country");
    }

    @Test
    void rollupDatasourcesTakeTheCatalogDimensionsAndMergePrebuiltSketches() throws Exception {
        JsonNode spec = spec("rollup_5m").path("spec");
        JsonNode schema = spec.path("dataSchema");
        assertThat(texts(schema.path("dimensionsSpec").path("dimensions"), "name"))
                .containsExactly("event_type", "country", "device", "platform");
        assertThat(schema.path("metricsSpec")).extracting(m -> m.path("type").asText() + " " + m.path("name").asText())
                .containsExactly("longSum events", "doubleSum revenue", "HLLSketchMerge users");
        JsonNode users = schema.path("metricsSpec").get(2);
        assertThat(users.path("lgK").asInt()).isEqualTo(12);
        assertThat(users.path("tgtHllType").asText()).isEqualTo("HLL_8");
        assertThat(schema.path("granularitySpec").path("rollup").asBoolean()).isTrue();
        assertThat(schema.path("granularitySpec").path("queryGranularity").path("period").asText()).isEqualTo("PT5M");
        assertThat(schema.path("timestampSpec").path("column").asText()).isEqualTo(SupervisorSpecs.ROLLUP_TIME_COLUMN);
        assertThat(spec("rollup_1h_sliding").path("spec").path("dataSchema").path("granularitySpec")
                .path("queryGranularity").path("period").asText()).as("sliding windows start every slide").isEqualTo("PT5M");
    }

    @Test
    void rawEventsKeepEveryFieldWithoutRollupAndFlattenCatalogProperties() throws Exception {
        JsonNode spec = spec("events_raw").path("spec");
        JsonNode schema = spec.path("dataSchema");
        assertThat(texts(schema.path("dimensionsSpec").path("dimensions"), "name")).containsExactly(
                "event_id", "event_type", "user_id", "received_at", "currency", "country", "device", "platform",
                "revenue", "prop_sku");
        assertThat(schema.path("granularitySpec").path("rollup").asBoolean()).isFalse();
        assertThat(texts(spec.path("ioConfig").path("inputFormat").path("flattenSpec").path("fields"), "expr"))
                .contains("$.context.country", "$.properties.sku");
    }

    @Test
    void everySupervisorReadsOnlyCommittedTransactionsWithOneTask() {
        for (SupervisorSpec s : SupervisorSpecs.fromCatalog(CATALOG, "localhost:9092")) {
            JsonNode io;
            try {
                io = JSON.readTree(s.json()).path("spec").path("ioConfig");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(io.path("consumerProperties").path("isolation.level").asText()).as(s.datasource())
                    .isEqualTo("read_committed");
            assertThat(io.path("consumerProperties").path("bootstrap.servers").asText()).isEqualTo("localhost:9092");
            assertThat(io.path("taskCount").asInt()).isEqualTo(1);
            assertThat(io.path("replicas").asInt()).isEqualTo(1);
            assertThat(io.path("topic").asText()).isEqualTo(s.topic());
        }
    }
}
