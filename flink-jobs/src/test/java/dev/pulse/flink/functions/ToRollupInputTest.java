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
    void readsTheFamilyDimensionsAndMeasuresOfCleanEvents() throws Exception {
        List<Event> events = List.of(
                event("e1", "transaction", new EventContext("DE", "mobile", "web"), 19.99),
                event("e2", "page_view", new EventContext(null, "desktop", null), null),
                event("e3", "click", new EventContext("", "tablet", "ios"), null));

        List<RollupInput> inputs = inputs(events.stream().map(EventJson::write).toList());

        assertThat(plan.dimensionNames()).containsExactly("event_type", "country", "device", "platform");
        assertThat(inputs).extracting(input -> Arrays.asList(input.dimensions())).containsExactly(
                List.of("transaction", "DE", "mobile", "web"),
                Arrays.asList("page_view", ToRollupInput.UNKNOWN, "desktop", ToRollupInput.UNKNOWN),
                List.of("click", ToRollupInput.UNKNOWN, "tablet", "ios"));
        assertThat(inputs).extracting(RollupInput::revenue).containsExactly(19.99, 0.0, 0.0);
        assertThat(inputs).extracting(RollupInput::userId).containsExactly("u-e1", "u-e2", "u-e3");
        assertThat(inputs).extracting(RollupInput::timestamp).containsOnly(T0 + 1234);
        assertThat(inputs).extracting(input -> plan.families().get(input.family()).name())
                .containsExactly("commerce", "engagement", "engagement");
    }

    @Test
    void anEventNotInTheCanonicalFormIsReadWholeToTheSameInput() throws Exception {
        String canonical = new String(EventJson.write(event("e1", "transaction",
                new EventContext("DE", "mobile", "web"), 19.99)), UTF_8);
        // the quick reader declines a currency that is no string; the whole parse reads it as text
        String otherForm = canonical.replace("\"currency\":\"EUR\"", "\"currency\":7");

        List<RollupInput> inputs = inputs(List.of(canonical.getBytes(UTF_8), otherForm.getBytes(UTF_8)));

        assertThat(EventFields.read(otherForm.getBytes(UTF_8))).isNull();
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(1)).usingRecursiveComparison().ignoringFields("json").isEqualTo(inputs.get(0));
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetters() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ToRollupInput(plan))) {
            harness.processElement(new RawRecord("events.clean", 0, 3, T0,
                    "{\"event_id\":\"e1\",\"event_type\":\"click\"}".getBytes(UTF_8), false), T0);

            harness.processElement(new RawRecord("events.clean", 0, 4, T0, null, false), T0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ToRollupInput.DEAD_LETTERS)).hasSize(2).first()
                    .satisfies(letter -> assertThat(letter.getValue().reason()).contains("user_id"));
        }
    }

    private static List<RollupInput> inputs(List<byte[]> cleanEvents) throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ToRollupInput(plan))) {
            for (byte[] json : cleanEvents) {
                harness.processElement(new RawRecord("events.clean", 0, 0, T0, json, false), T0);
            }
            return harness.extractOutputValues();
        }
    }

    private static Event event(String id, String type, EventContext context, Double revenue) {
        return new Event(id, type, "u-" + id, Instant.ofEpochMilli(T0 + 1234), Instant.ofEpochMilli(T0 + 2000),
                Map.of("sku", "A1"), context, revenue, revenue == null ? null : "EUR");
    }
}
