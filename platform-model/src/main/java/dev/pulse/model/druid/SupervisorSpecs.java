package dev.pulse.model.druid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.model.Topics;
import dev.pulse.model.catalog.Dimension;
import dev.pulse.model.catalog.Measure;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Druid Kafka supervisor specs of Pulse, generated from the metric catalog (never hand-written per datasource):
 * {@code events_raw} from {@code events.clean} without rollup, and one rollup datasource per catalog window, whose
 * dimensions and metrics are the catalog's; a window the catalog rolls up from another reads that window's topic and
 * rolls its rows up further at its own granularity. Every supervisor reads with {@code isolation.level=read_committed}, so
 * it sees Flink's transactional output only once the checkpoint that produced it commits.
 */
public final class SupervisorSpecs {

    public static final String EVENTS_RAW = "events_raw";
    /** The column of rollup rows that holds the window start (epoch milliseconds). */
    public static final String ROLLUP_TIME_COLUMN = "ts";
    /**
     * How long one ingestion task reads before it hands its segments off. Rows are queryable from the indexer
     * while the task reads, so this does not delay visibility; an hour keeps segment counts low.
     */
    static final String TASK_DURATION = "PT1H";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SupervisorSpecs() {
    }

    /** {@code events_raw} first, then one rollup datasource per catalog window, in catalog order. */
    public static List<SupervisorSpec> fromCatalog(MetricCatalog catalog, String kafkaBootstrap) {
        List<SupervisorSpec> specs = new ArrayList<>();
        specs.add(new SupervisorSpec(EVENTS_RAW, Topics.EVENTS_CLEAN, json(raw(catalog, kafkaBootstrap))));
        for (Window window : catalog.windows()) {
            specs.add(new SupervisorSpec(window.datasource(), window.topic(),
                    json(rollup(catalog, window, kafkaBootstrap))));
        }
        return List.copyOf(specs);
    }

    static ObjectNode raw(MetricCatalog catalog, String bootstrap) {
        ObjectNode dataSchema = MAPPER.createObjectNode();
        dataSchema.put("dataSource", EVENTS_RAW);
        dataSchema.putObject("timestampSpec").put("column", "timestamp").put("format", "iso");
        ArrayNode dims = dataSchema.putObject("dimensionsSpec").putArray("dimensions");
        ArrayNode flatten = MAPPER.createArrayNode();
        for (String field : List.of("event_id", "event_type", "user_id", "received_at", "currency")) {
            dims.add(field);
        }
        for (String field : List.of("country", "device", "platform")) {
            dims.add(field);
            flatten.addObject().put("type", "path").put("name", field).put("expr", "$.context." + field);
        }
        dims.addObject().put("type", "double").put("name", "revenue");
        for (Dimension d : catalog.dimensions()) {
            if (d.field().startsWith("properties.")) {
                String property = d.field().substring("properties.".length());
                String column = "prop_" + property;
                dims.add(column);
                flatten.addObject().put("type", "path").put("name", column).put("expr", "$.properties." + property);
            }
        }
        dataSchema.putArray("metricsSpec");
        dataSchema.putObject("granularitySpec").put("segmentGranularity", "hour").put("queryGranularity", "none")
                .put("rollup", false);
        ObjectNode inputFormat = MAPPER.createObjectNode().put("type", "json");
        inputFormat.putObject("flattenSpec").put("useFieldDiscovery", true).set("fields", flatten);
        return supervisor(dataSchema, Topics.EVENTS_CLEAN, inputFormat, bootstrap);
    }

    static ObjectNode rollup(MetricCatalog catalog, Window window, String bootstrap) {
        ObjectNode dataSchema = MAPPER.createObjectNode();
        dataSchema.put("dataSource", window.datasource());
        dataSchema.putObject("timestampSpec").put("column", ROLLUP_TIME_COLUMN).put("format", "millis");
        ArrayNode dims = dataSchema.putObject("dimensionsSpec").putArray("dimensions");
        // a window that keeps fewer dimensions lists only those: Druid merges the rows across the others
        catalog.dimensionsOf(window).forEach(d -> dims.add(d.name()));
        ArrayNode metrics = dataSchema.putArray("metricsSpec");
        for (Measure m : catalog.measures()) {
            ObjectNode metric = metrics.addObject();
            switch (m.type()) {
                case COUNT -> metric.put("type", "longSum");
                case SUM -> metric.put("type", "doubleSum");
                // the rows carry sketches already: merge them (HLLSketchBuild would hash the base64 strings)
                case HLL -> metric.put("type", "HLLSketchMerge").put("lgK", m.lgK())
                        .put("tgtHllType", Measure.HLL_TYPE);
            }
            metric.put("name", m.name()).put("fieldName", m.name());
        }
        ObjectNode granularity = dataSchema.putObject("granularitySpec");
        granularity.put("segmentGranularity", "hour");
        granularity.putObject("queryGranularity").put("type", "period")
                .put("period", window.granularity().toString()).put("timeZone", "UTC");
        granularity.put("rollup", true);
        return supervisor(dataSchema, window.topic(), MAPPER.createObjectNode().put("type", "json"), bootstrap);
    }

    private static ObjectNode supervisor(ObjectNode dataSchema, String topic, ObjectNode inputFormat, String bootstrap) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "kafka");
        ObjectNode spec = root.putObject("spec");
        spec.set("dataSchema", dataSchema);
        ObjectNode io = spec.putObject("ioConfig");
        io.put("topic", topic);
        io.set("inputFormat", inputFormat);
        io.putObject("consumerProperties").put("bootstrap.servers", bootstrap)
                // Flink writes in transactions: read only what a checkpoint committed, never aborted records
                .put("isolation.level", "read_committed");
        io.put("useEarliestOffset", true);
        io.put("taskCount", 1);
        io.put("replicas", 1);
        io.put("taskDuration", TASK_DURATION);
        spec.putObject("tuningConfig").put("type", "kafka");
        // appends beside a compaction of the same day (CompactionConfigs) instead of one task waiting for the other
        root.putObject("context").put("useConcurrentLocks", true);
        return root;
    }

    /** The spec as Druid gets it, keys in a stable order (an unchanged spec is then the same text). */
    static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
