package dev.pulse.router.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.model.catalog.Measure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Loads test data into the running Druid with native batch ingestion (an {@code index_parallel} task with an
 * inline or local input), waits until the broker answers for it, and drops it afterwards (marks its segments
 * unused), so the shared Druid stays clean. The specs mirror the production shapes in DESIGN.md.
 */
public final class DruidBatch {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String coordinator;
    private final String broker;

    public DruidBatch(String coordinatorUrl, String brokerUrl) {
        this.coordinator = coordinatorUrl;
        this.broker = brokerUrl;
    }

    /** A raw datasource shaped like events_raw (no rollup; every field a column). */
    public static ObjectNode rawSchema(String datasource) {
        ObjectNode schema = schema(datasource, "none", false);
        ArrayNode dims = schema.putObject("dimensionsSpec").putArray("dimensions");
        List.of("event_id", "event_type", "user_id", "country", "device", "platform", "currency", "prop_sku")
                .forEach(dims::add);
        dims.addObject().put("type", "double").put("name", "revenue");
        schema.putArray("metricsSpec");
        return schema;
    }

    /** A rollup datasource shaped like rollup_1m / rollup_5m: four dimensions, events, revenue, users (HLL). */
    public static ObjectNode rollupSchema(String datasource, String queryGranularity) {
        return rollupSchema(datasource, queryGranularity, List.of("event_type", "country", "device", "platform"));
    }

    /** A rollup datasource that keeps only some dimensions, like a catalog window with {@code dimensions}. */
    public static ObjectNode rollupSchema(String datasource, String queryGranularity, List<String> dimensions) {
        ObjectNode schema = schema(datasource, queryGranularity, true);
        ArrayNode dims = schema.putObject("dimensionsSpec").putArray("dimensions");
        dimensions.forEach(dims::add);
        ArrayNode metrics = schema.putArray("metricsSpec");
        metrics.addObject().put("type", "count").put("name", "events");
        metrics.addObject().put("type", "doubleSum").put("name", "revenue").put("fieldName", "revenue");
        metrics.addObject().put("type", "HLLSketchBuild").put("name", "users").put("fieldName", "user_id")
                .put("lgK", 12);
        return schema;
    }

    /**
     * A rollup datasource fed the rows the rollup job writes (time in {@code ts}, counts, revenue and base64 HLL
     * sketches), as the production supervisors ingest them: sums and {@code HLLSketchMerge}.
     */
    public static ObjectNode prebuiltRollupSchema(String datasource, String queryGranularity, List<String> dimensions) {
        ObjectNode schema = schema(datasource, queryGranularity, true);
        schema.putObject("timestampSpec").put("column", "ts").put("format", "millis");
        ArrayNode dims = schema.putObject("dimensionsSpec").putArray("dimensions");
        dimensions.forEach(dims::add);
        ArrayNode metrics = schema.putArray("metricsSpec");
        metrics.addObject().put("type", "longSum").put("name", "events").put("fieldName", "events");
        metrics.addObject().put("type", "doubleSum").put("name", "revenue").put("fieldName", "revenue");
        metrics.addObject().put("type", "HLLSketchMerge").put("name", "users").put("fieldName", "users")
                .put("lgK", 12).put("tgtHllType", Measure.HLL_TYPE);
        return schema;
    }

    private static ObjectNode schema(String datasource, String queryGranularity, boolean rollup) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("dataSource", datasource);
        schema.putObject("timestampSpec").put("column", "timestamp").put("format", "millis");
        schema.putObject("granularitySpec").put("segmentGranularity", "day")
                .put("queryGranularity", queryGranularity).put("rollup", rollup);
        return schema;
    }

    /** Ingests newline-delimited JSON given inline. */
    public String ingestInline(ObjectNode dataSchema, String ndjson) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("type", "inline").put("data", ndjson);
        return submit(dataSchema, input);
    }

    /** Ingests newline-delimited JSON files from a local directory (for data too big to send inline). */
    public String ingestLocal(ObjectNode dataSchema, String baseDir, String filter) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("type", "local").put("baseDir", baseDir).put("filter", filter);
        return submit(dataSchema, input, JSON.createObjectNode().put("type", "json"), 1);
    }

    /** Adds the rows of local newline-delimited JSON files to a datasource, as new segments beside its others. */
    public String appendLocal(ObjectNode dataSchema, String baseDir, String filter) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("type", "local").put("baseDir", baseDir).put("filter", filter);
        ObjectNode task = task(dataSchema, input, JSON.createObjectNode().put("type", "json"), 1);
        ((ObjectNode) task.path("spec").path("ioConfig")).put("appendToExisting", true);
        return post(coordinator + "/druid/indexer/v1/task", task).get("task").asText();
    }

    /** Ingests CSV files (no header) from a local directory with parallel sub-tasks, one per file at most. */
    public String ingestLocalCsv(ObjectNode dataSchema, String baseDir, String filter, List<String> columns,
                                 int subTasks) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("type", "local").put("baseDir", baseDir).put("filter", filter);
        ObjectNode format = JSON.createObjectNode().put("type", "csv").put("findColumnsFromHeader", false);
        columns.forEach(format.putArray("columns")::add);
        return submit(dataSchema, input, format, subTasks);
    }

    private String submit(ObjectNode dataSchema, ObjectNode inputSource) throws Exception {
        return submit(dataSchema, inputSource, JSON.createObjectNode().put("type", "json"), 1);
    }

    private String submit(ObjectNode dataSchema, ObjectNode inputSource, ObjectNode inputFormat, int subTasks)
            throws Exception {
        JsonNode answer = post(coordinator + "/druid/indexer/v1/task", task(dataSchema, inputSource, inputFormat,
                subTasks));
        return answer.get("task").asText();
    }

    private static ObjectNode task(ObjectNode dataSchema, ObjectNode inputSource, ObjectNode inputFormat,
                                   int subTasks) {
        ObjectNode task = JSON.createObjectNode().put("type", "index_parallel");
        ObjectNode spec = task.putObject("spec");
        spec.set("dataSchema", dataSchema);
        ObjectNode io = spec.putObject("ioConfig").put("type", "index_parallel");
        io.set("inputSource", inputSource);
        io.set("inputFormat", inputFormat);
        spec.putObject("tuningConfig").put("type", "index_parallel").put("maxNumConcurrentSubTasks", subTasks)
                .put("maxRowsInMemory", 200_000)
                // merge spills in rounds: merging them all at once ran the indexer out of direct memory (10M rows)
                .put("maxColumnsToMerge", 100);
        return task;
    }

    /** Waits for the task to succeed, then for the broker to count {@code expectedRows} (COUNT(*) or SUM(events)). */
    public void awaitQueryable(String taskId, String datasource, String countExpression, long expected,
                               Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode status = get(coordinator + "/druid/indexer/v1/task/" + taskId + "/status").path("status");
            String state = status.path("statusCode").asText(status.path("status").asText());
            if (state.equals("SUCCESS")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("ingestion of " + datasource + " failed: " + status);
            }
            pause(deadline, "ingestion task " + taskId);
        }
        while (true) {
            long count = scalar(datasource, countExpression);
            if (count == expected) {
                return;
            }
            pause(deadline, datasource + " on the broker (" + count + " of " + expected + ")");
        }
    }

    /** Rows Druid stores for the datasource (after its rollup), as the broker counts them. */
    public long rowCount(String datasource) throws Exception {
        return scalar(datasource, "COUNT(*)");
    }

    /** The time of the datasource's newest row. */
    public Instant latest(String datasource) throws Exception {
        return Instant.ofEpochMilli(scalar(datasource, "TIMESTAMP_TO_MILLIS(MAX(\"__time\"))"));
    }

    private long scalar(String datasource, String expression) throws Exception {
        ObjectNode query = JSON.createObjectNode()
                .put("query", "SELECT " + expression + " AS c FROM \"" + datasource + "\"");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(broker + "/druid/v2/sql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        query.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1; // not known to the broker yet
        }
        JsonNode rows = JSON.readTree(response.body());
        return rows.isEmpty() ? 0 : rows.get(0).get("c").asLong();
    }

    /** Marks every segment of the datasource unused: it leaves the broker and the historicals. */
    public void drop(String datasource) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(coordinator + "/druid/coordinator/v1/datasources/" + datasource))
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            System.err.println("could not drop test datasource " + datasource + ": " + e);
        }
    }

    private static void pause(Instant deadline, String waitingFor) throws InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("timed out waiting for " + waitingFor);
        }
        Thread.sleep(1000);
    }

    private static JsonNode post(String url, JsonNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
