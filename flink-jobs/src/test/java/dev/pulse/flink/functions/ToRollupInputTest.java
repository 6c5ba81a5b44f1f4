package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.T0;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.events.RollupInput;
import dev.pulse.flink.rollup.RollupJob;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToRollupInputTest {

    private static RollupPlan plan;

    @BeforeAll
    static void loadPlan() throws IOException {
        plan = RollupPlan.from(RollupJob.loadCatalog(null));
    }

    @Test
    void canonicalRecordsGiveTheSameInputsAsEventsReadWhole() throws Exception {
        List<Event> events = List.of(
                event("e1", "transaction", new EventContext("DE", "mobile", "web"), 19.99),
                event("e2", "page_view", new EventContext(null, "desktop", null), null),
                event("e3", "signup", EventContext.EMPTY, null),
                event("e4", "click", new EventContext("", "tablet", "ios"), null));

        List<RollupInput> canonical = inputs(events, true);
        List<RollupInput> whole = inputs(events, false);

        assertThat(canonical).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            RollupInput fast = canonical.get(i);
            RollupInput slow = whole.get(i);
            assertThat(fast.key()).isEqualTo(slow.key());
            assertThat(fast.family()).isEqualTo(slow.family());
            assertThat(Arrays.asList(fast.dimensions())).isEqualTo(Arrays.asList(slow.dimensions()));
            assertThat(fast.timestamp()).isEqualTo(slow.timestamp()).isEqualTo(events.get(i).timestamp().toEpochMilli());
            assertThat(fast.revenue()).isEqualTo(slow.revenue());
            assertThat(fast.userId()).isEqualTo(slow.userId()).isEqualTo("u-" + events.get(i).eventId());
        }
        assertThat(canonical.get(0).revenue()).isEqualTo(19.99);
        assertThat(canonical.get(1).dimensions()).contains(ToRollupInput.UNKNOWN, "desktop");
    }

    @Test
    void aCanonicalRecordThatIsNoEventStillGoesToTheDeadLetters() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ToRollupInput(plan))) {
            harness.processElement(new RawRecord("events.clean", 0, 3, T0,
                    "{\"event_id\":\"e1\",\"event_type\":\"click\"}".getBytes(UTF_8), true), T0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ToRollupInput.DEAD_LETTERS)).singleElement()
                    .satisfies(letter -> assertThat(letter.getValue().reason()).contains("user_id"));
        }
    }

    private static List<RollupInput> inputs(List<Event> events, boolean canonical) throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ToRollupInput(plan))) {
            for (Event event : events) {
                harness.processElement(new RawRecord("events.clean", 0, 0, event.timestamp().toEpochMilli(),
                        EventJson.write(event), canonical), T0);
            }
            return harness.extractOutputValues();
        }
    }

    private static Event event(String id, String type, EventContext context, Double revenue) {
        return new Event(id, type, "u-" + id, Instant.ofEpochMilli(T0 + 1234), Instant.ofEpochMilli(T0 + 2000),
                Map.of("sku", "A1"), context, revenue, revenue == null ? null : "EUR");
    }
}
