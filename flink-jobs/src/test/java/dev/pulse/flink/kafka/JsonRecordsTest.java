package dev.pulse.flink.kafka;

import static dev.pulse.flink.testing.Fixtures.T0;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupJob;
import dev.pulse.flink.rollup.RollupPlan;
import org.junit.jupiter.api.Test;

/** The rollup rows as the Druid supervisor specs read them. */
class JsonRecordsTest {

    private static final RollupPlan PLAN = plan();
    private static final RollupRowText ROWS = new RollupRowText(PLAN);

    private static RollupPlan plan() {
        try {
            return RollupPlan.from(RollupJob.loadCatalog(null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writesCommerceRowWithRevenueAndSketch() {
        RollupRow row = new RollupRow("1m", T0, PLAN.familyOf("transaction"),
                new String[] {"transaction", "DE", "mobile", "web"}, 3, 59.97, "AgEHDAMIAwgbmpoFPNOjB1ZwpA0=");

        assertThat(new String(ROWS.write(row), UTF_8)).isEqualTo("{\"ts\":" + T0
                + ",\"window\":\"1m\",\"family\":\"commerce\",\"event_type\":\"transaction\",\"country\":\"DE\","
                + "\"device\":\"mobile\",\"platform\":\"web\",\"events\":3,\"revenue\":59.97,"
                + "\"users\":\"AgEHDAMIAwgbmpoFPNOjB1ZwpA0=\"}");
    }

    @Test
    void leavesOutDimensionsAndMeasuresARowDoesNotHave() {
        RollupRow row = new RollupRow("1h_sliding", T0, PLAN.familyOf("page_view"),
                new String[] {"page_view", "unknown", null, "ios"}, 12, null, null);

        assertThat(new String(ROWS.write(row), UTF_8)).isEqualTo("{\"ts\":" + T0
                + ",\"window\":\"1h_sliding\",\"family\":\"engagement\",\"event_type\":\"page_view\","
                + "\"country\":\"unknown\",\"platform\":\"ios\",\"events\":12}");
    }

    /** Rows written as text are byte for byte what the generator writes; rows with text to escape go to it. */
    @Test
    void writesEveryRowAsTheGeneratorDoes() {
        java.util.Random random = new java.util.Random(3);
        String[] values = {"DE", "mobile", "unknown", "web", "", "caf\u00e9", "a\"b", "back\\slash", "tab\t",
                "\u65e5\u672c", "del\u007f", "sp ace"};
        int asText = 0;
        for (int i = 0; i < 5_000; i++) {
            String[] dimensions = new String[PLAN.dimensionNames().size()];
            for (int d = 0; d < dimensions.length; d++) {
                dimensions[d] = random.nextInt(4) == 0 ? null : values[random.nextInt(values.length)];
            }
            Double revenue = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> random.nextInt(1_000_000) / 100.0;
                case 2 -> random.nextDouble() * 1e-9;
                default -> -random.nextDouble() * 1e22;
            };
            byte[] sketch = new byte[random.nextInt(3000)];
            random.nextBytes(sketch);
            String users = random.nextInt(5) == 0 ? null : java.util.Base64.getEncoder().encodeToString(sketch);
            RollupRow row = new RollupRow(random.nextBoolean() ? "1m" : "1h_sliding", T0 + random.nextInt(),
                    random.nextInt(PLAN.families().size()), dimensions, random.nextInt(100_000), revenue, users);

            byte[] text = ROWS.text(row);
            byte[] generated = JsonRecords.rollupRowWithGenerator(row, PLAN);

            assertThat(new String(ROWS.write(row), UTF_8)).isEqualTo(new String(generated, UTF_8));
            if (text != null) {
                asText++;
                assertThat(text).isEqualTo(generated);
            }
        }
        assertThat(asText).as("rows of plain text are written as text").isGreaterThan(100);
    }

    /** A catalog name that needs escaping sends every row of the plan to the generator. */
    @Test
    void writesEveryRowWithTheGeneratorWhenAPlanNameNeedsEscaping() {
        java.util.List<String> names = new java.util.ArrayList<>(PLAN.dimensionNames());
        names.set(1, "coun\"try");
        RollupPlan quoted = new RollupPlan(names, PLAN.dimensionFields(), PLAN.families(), PLAN.windows(),
                PLAN.countMeasure(), PLAN.revenueMeasure(), PLAN.usersMeasure(), PLAN.lgK());
        RollupRow row = new RollupRow("1m", T0, quoted.familyOf("transaction"),
                new String[] {"transaction", "DE", "mobile", "web"}, 3, 59.97, "AgEHDAMIAwgbmpoFPNOjB1ZwpA0=");

        String written = new String(new RollupRowText(quoted).write(row), UTF_8);

        assertThat(written).contains("\"coun\\\"try\":\"DE\"")
                .isEqualTo(new String(JsonRecords.rollupRowWithGenerator(row, quoted), UTF_8));
    }
}
