package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final Instant RECEIVED = T0.plusMillis(250);

    private static final String DESIGN_EXAMPLE = """
            {"event_id":"7f1c","event_type":"transaction","user_id":"u-42","timestamp":"2026-11-28T10:15:30.123Z",
             "received_at":"2026-11-28T10:15:30.373Z","properties":{"sku":"A1"},
             "context":{"country":"DE","device":"mobile","platform":"web"},"revenue":19.99,"currency":"EUR"}
            """;

    @Test
    void readsTheEventShapeOfTheDesignBrief() {
        Event event = EventJson.read(DESIGN_EXAMPLE);

        assertThat(event).isEqualTo(new Event("7f1c", "transaction", "u-42", T0, RECEIVED, Map.of("sku", "A1"),
                new EventContext("DE", "mobile", "web"), 19.99, "EUR"));
        assertThat(event.family()).isEqualTo(EventFamily.TRANSACTION);
    }

    @Test
    void writesSnakeCaseAndReadsBackTheSameEvent() {
        Event event = new Event("e-1", "page_view", "u-1", T0, null, Map.of("path", "/home", "depth", 3),
                new EventContext("FR", null, "ios"), null, null);

        String json = new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"event_id\":\"e-1\"", "\"timestamp\":\"2026-11-28T10:15:30.123Z\"")
                .doesNotContain("receivedAt", "\"revenue\"", "\"received_at\"");
        assertThat(EventJson.read(json)).isEqualTo(event);
    }

    @Test
    void aPropertySetToNullIsAPropertyNotSet() {
        Event event = EventJson.read("{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\","
                + "\"timestamp\":\"2026-11-28T10:15:30Z\",\"properties\":{\"sku\":null,\"page\":\"/home\"}}");

        assertThat(event.properties()).containsExactly(java.util.Map.entry("page", "/home"));
    }

    @Test
    void missingContextAndPropertiesBecomeEmptyRatherThanNull() {
        Event event = EventJson.read("""
                {"event_id":"e","event_type":"click","user_id":"u","timestamp":"2026-11-28T10:15:30Z"}""");

        assertThat(event.context()).isEqualTo(EventContext.EMPTY);
        assertThat(event.properties()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no event id      | {"event_type":"click","user_id":"u","timestamp":"2026-11-28T10:15:30Z"}                  | event_id is required
            blank user       | {"event_id":"e","event_type":"click","user_id":" ","timestamp":"2026-11-28T10:15:30Z"}   | user_id is required
            no event type    | {"event_id":"e","user_id":"u","timestamp":"2026-11-28T10:15:30Z"}                        | event_type is required
            no timestamp     | {"event_id":"e","event_type":"click","user_id":"u"}                                      | timestamp is required
            bad timestamp    | {"event_id":"e","event_type":"click","user_id":"u","timestamp":"yesterday"}              | timestamp
            revenue as text  | {"event_id":"e","event_type":"click","user_id":"u","timestamp":"2026-11-28T10:15:30Z","revenue":"lots"} | revenue
            not json         | {"event_id":                                                                              | not a valid event
            two documents    | {"event_id":"e","event_type":"click","user_id":"u","timestamp":"2026-11-28T10:15:30Z"} {} | not a valid event
            """)
    void rejectsInvalidEventsWithAMessageNamingTheProblem(String caseName, String json, String expectedMessage) {
        assertThatThrownBy(() -> EventJson.read(json))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining(expectedMessage);
    }
}
