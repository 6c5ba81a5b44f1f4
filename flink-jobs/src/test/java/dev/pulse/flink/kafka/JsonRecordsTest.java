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

        assertThat(new String(JsonRecords.rollupRow(row, PLAN), UTF_8)).isEqualTo("{\"ts\":" + T0
                + ",\"window\":\"1m\",\"family\":\"commerce\",\"event_type\":\"transaction\",\"country\":\"DE\","
                + "\"device\":\"mobile\",\"platform\":\"web\",\"events\":3,\"revenue\":59.97,"
                + "\"users\":\"AgEHDAMIAwgbmpoFPNOjB1ZwpA0=\"}");
    }

    @Test
    void leavesOutDimensionsAndMeasuresARowDoesNotHave() {
        RollupRow row = new RollupRow("1h_sliding", T0, PLAN.familyOf("page_view"),
                new String[] {"page_view", "unknown", null, "ios"}, 12, null, null);

        assertThat(new String(JsonRecords.rollupRow(row, PLAN), UTF_8)).isEqualTo("{\"ts\":" + T0
                + ",\"window\":\"1h_sliding\",\"family\":\"engagement\",\"event_type\":\"page_view\","
                + "\"country\":\"unknown\",\"platform\":\"ios\",\"events\":12}");
    }
}
