package dev.pulse.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    private static final Event EVENT = new Event("e1", "transaction", "u1", Instant.parse("2026-11-28T10:00:00Z"),
            null, Map.of("sku", "A1", "qty", 3), new EventContext("DE", null, "web"), 19.5, "EUR");

    @Test
    void readsPropertiesAndTheFieldsOutsideThem() {
        UnaryOperator<String> paths = FieldPaths.of(EVENT);

        assertThat(paths.apply("properties.sku")).isEqualTo("A1");
        assertThat(paths.apply("properties.qty")).isEqualTo("3");
        assertThat(paths.apply("properties.absent")).isNull();
        assertThat(paths.apply("event_type")).isEqualTo("transaction");
        assertThat(paths.apply("context.country")).isEqualTo("DE");
        assertThat(paths.apply("context.device")).isNull();
        assertThat(paths.apply("revenue")).isEqualTo("19.5");
    }

    @Test
    void refusesAFieldEventsDoNotHave() {
        assertThatThrownBy(() -> FieldPaths.of(EVENT).apply("context.city"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event field context.city");
    }
}
