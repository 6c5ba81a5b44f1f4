package dev.pulse.flink.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.Progress;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON payloads the jobs write besides events themselves (which keep Pulse's event JSON). */
public final class JsonRecords {

    /** The rollup row's time column: window start in epoch milliseconds (the Druid specs read it). */
    public static final String ROLLUP_TIME = dev.pulse.model.druid.SupervisorSpecs.ROLLUP_TIME_COLUMN;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {
    }

    /**
     * A rollup row as Jackson's generator writes it; {@link RollupRowText} writes the same bytes as text wherever
     * nothing needs escaping, and leaves the other rows to this.
     * <pre>{"ts":1764324900000,"window":"1m","family":"commerce","event_type":"transaction","country":"DE",
     * "device":"mobile","platform":"web","events":3,"revenue":59.97,"users":"AgEHDAMIAgAL..."}</pre>
     */
    static byte[] rollupRowWithGenerator(RollupRow row, RollupPlan plan) {
        // written field by field rather than through a tree: a replay writes hundreds of thousands of rows a minute
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField(ROLLUP_TIME, row.windowStart());
            json.writeStringField("window", row.window());
            json.writeStringField("family", plan.families().get(row.family()).name());
            for (int i = 0; i < plan.dimensionNames().size(); i++) {
                if (row.dimensions()[i] != null) {
                    json.writeStringField(plan.dimensionNames().get(i), row.dimensions()[i]);
                }
            }
            json.writeNumberField(plan.countMeasure(), row.events());
            if (row.revenue() != null && plan.revenueMeasure() != null) {
                json.writeNumberField(plan.revenueMeasure(), row.revenue());
            }
            if (row.users() != null && plan.usersMeasure() != null) {
                json.writeStringField(plan.usersMeasure(), row.users());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** <pre>{"datasource":"rollup_1m","window":"1m","complete_until":1764324900000,"watermark":1764324904999}</pre> */
    public static byte[] progress(Progress progress) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("datasource", progress.datasource());
        node.put("window", progress.window());
        node.put("complete_until", progress.completeUntil());
        node.put("watermark", progress.watermark());
        return bytes(node);
    }

    /**
     * <pre>{"source":"flink","topic":"events.click","partition":0,"offset":42,"reason":"not a valid event: ...",
     * "payload":"{\"event_id\":..."}</pre>
     */
    public static byte[] deadLetter(DeadLetter letter) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source", "flink");
        node.put("topic", letter.sourceTopic());
        node.put("partition", letter.partition());
        node.put("offset", letter.offset());
        node.put("reason", letter.reason());
        node.put("payload", letter.payload() == null ? null : new String(letter.payload(), StandardCharsets.UTF_8));
        return bytes(node);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
