package dev.pulse.flink.kafka;

import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupPlan;
import java.nio.charset.StandardCharsets;

/**
 * A rollup row's JSON written as text, byte for byte what {@link JsonRecords}' generator writes for it, when every
 * name and value is printable ASCII without quotes or backslashes (so nothing needs escaping) and the revenue is
 * finite; null otherwise, and the generator writes the row. Why: the generator scanned every character of the sketch
 * (1 to 3 KB of base64, written again for each of the twelve sliding windows of a pane) for characters to escape,
 * a sixth of the rollup window thread in a replay (JFR).
 */
final class RollupRowText {

    private RollupRowText() {
    }

    static byte[] write(RollupRow row, RollupPlan plan) {
        StringBuilder json = new StringBuilder(row.users() == null ? 200 : 200 + row.users().length());
        json.append("{\"").append(JsonRecords.ROLLUP_TIME).append("\":").append(row.windowStart());
        if (!text(json, "window", row.window()) || !text(json, "family", plan.families().get(row.family()).name())) {
            return null;
        }
        for (int i = 0; i < plan.dimensionNames().size(); i++) {
            String value = row.dimensions()[i];
            if (value != null && !text(json, plan.dimensionNames().get(i), value)) {
                return null;
            }
        }
        if (!plain(plan.countMeasure())) {
            return null;
        }
        json.append(",\"").append(plan.countMeasure()).append("\":").append(row.events());
        if (row.revenue() != null && plan.revenueMeasure() != null) {
            if (!Double.isFinite(row.revenue()) || !plain(plan.revenueMeasure())) {
                return null;
            }
            // Double.toString, as the generator writes a double (its fast writer is off)
            json.append(",\"").append(plan.revenueMeasure()).append("\":").append(Double.toString(row.revenue()));
        }
        if (row.users() != null && plan.usersMeasure() != null && !text(json, plan.usersMeasure(), row.users())) {
            return null;
        }
        return json.append('}').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Appends {@code ,"name":"value"}; false when either would need escaping. */
    private static boolean text(StringBuilder json, String name, String value) {
        if (!plain(name) || !plain(value)) {
            return false;
        }
        json.append(",\"").append(name).append("\":\"").append(value).append('"');
        return true;
    }

    /** Printable ASCII without {@code "} and {@code \}: written by the generator as it is. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
