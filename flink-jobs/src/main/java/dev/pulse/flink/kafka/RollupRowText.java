package dev.pulse.flink.kafka;

import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupPlan;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the rollup rows of one plan as JSON. A row is written as text, byte for byte what
 * {@link JsonRecords#rollupRowWithGenerator}'s generator writes for it, when its dimension values need no escaping
 * (printable ASCII without quotes or backslashes) and its revenue is finite; otherwise, and for every row when one
 * of the plan's own names would need escaping, the generator writes it. Why: the generator checked every character
 * of the sketch (1 to 3 KB of base64, written again for each of the twelve sliding windows of a pane) for characters
 * to escape, a sixth of the rollup window thread in a replay (JFR). The plan's names are checked and quoted once,
 * here; the sketch is base64, which never needs escaping.
 */
public final class RollupRowText implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RollupPlan plan;
    /** whether every name the plan writes (windows, families, dimensions, measures) is plain */
    private final boolean namesPlain;
    /** {@code ,"<dimension>":"} per dimension */
    private final String[] dimensionPrefixes;
    private final String countPrefix;
    private final String revenuePrefix;
    private final String usersPrefix;

    public RollupRowText(RollupPlan plan) {
        this.plan = plan;
        List<String> names = Stream.of(plan.windows().stream().map(RollupPlan.WindowPlan::name),
                        plan.families().stream().map(RollupPlan.FamilyPlan::name), plan.dimensionNames().stream(),
                        Stream.of(plan.countMeasure(), plan.revenueMeasure(), plan.usersMeasure()))
                .flatMap(s -> s).filter(name -> name != null).toList();
        this.namesPlain = names.stream().allMatch(RollupRowText::plain);
        this.dimensionPrefixes = plan.dimensionNames().stream().map(name -> ",\"" + name + "\":\"")
                .toArray(String[]::new);
        this.countPrefix = ",\"" + plan.countMeasure() + "\":";
        this.revenuePrefix = ",\"" + plan.revenueMeasure() + "\":";
        this.usersPrefix = ",\"" + plan.usersMeasure() + "\":\"";
    }

    public byte[] write(RollupRow row) {
        byte[] text = namesPlain ? text(row) : null;
        return text != null ? text : JsonRecords.rollupRowWithGenerator(row, plan);
    }

    /** The row as text, or null when a value would need escaping or the revenue is not finite. */
    byte[] text(RollupRow row) {
        boolean withRevenue = row.revenue() != null && plan.revenueMeasure() != null;
        if (withRevenue && !Double.isFinite(row.revenue())) {
            return null;
        }
        StringBuilder json = new StringBuilder(row.users() == null ? 200 : 200 + row.users().length());
        json.append("{\"").append(JsonRecords.ROLLUP_TIME).append("\":").append(row.windowStart())
                .append(",\"window\":\"").append(row.window())
                .append("\",\"family\":\"").append(plan.families().get(row.family()).name()).append('"');
        for (int i = 0; i < dimensionPrefixes.length; i++) {
            String value = row.dimensions()[i];
            if (value != null) {
                if (!plain(value)) {
                    return null;
                }
                json.append(dimensionPrefixes[i]).append(value).append('"');
            }
        }
        json.append(countPrefix).append(row.events());
        if (withRevenue) {
            // Double.toString, as the generator writes a double (its fast writer is off)
            json.append(revenuePrefix).append(Double.toString(row.revenue()));
        }
        if (row.users() != null && plan.usersMeasure() != null) {
            json.append(usersPrefix).append(row.users()).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Printable ASCII without {@code "} and {@code \}: written by the generator as it is. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
