package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ingest.intake.JsonBodies;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.RejectedEventException;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NativeEventMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:15:40Z");

    @Test
    void readsEveryFieldOfTheDesignShape() {
        Event event = map("""
                {"event_id":"7f1c","event_type":"transaction","user_id":"u-42","timestamp":"2026-11-28T10:15:30.123Z",
                 "received_at":"1999-01-01T00:00:00Z","properties":{"sku":"A1","qty":2},
                 "context":{"country":"DE","device":"mobile","platform":"web"},"revenue":19.99,"currency":"eur"}""");

        assertThat(event).isEqualTo(new Event("7f1c", "transaction", "u-42", Instant.parse("2026-11-28T10:15:30.123Z"),
                null, Map.of("sku", "A1", "qty", 2), new EventContext("DE", "mobile", "web"), 19.99, "EUR"));
    }

    @Test
    void takesTheTimeOfReceiptForAnEventWithoutTimestamp() {
        assertThat(map("{\"event_id\":\"e\",\"event_type\":\"click\",\"user_id\":\"u\"}").timestamp()).isEqualTo(RECEIVED);
    }

    @Test
    void correctsClockSkewWhenTheBatchSaysWhenItWasSent() {
        JsonEnvelope envelope = JsonBodies.batch(bytes("""
                {"sent_at":"2026-11-28T11:15:40Z","batch":[
                 {"event_id":"e","event_type":"click","user_id":"u","timestamp":"2026-11-28T11:15:30Z"}]}"""), 10);

        Event event = new NativeEventMapper(envelope, RECEIVED).map(envelope.events().get(0));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:15:30Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"event_type":"click","user_id":"u"}                                        | MISSING_EVENT_ID   | event_id is required
            {"event_id":"e","user_id":"u"}                                              | MISSING_EVENT_TYPE | event_type is required
            {"event_id":"e","event_type":" ","user_id":"u"}                             | MISSING_EVENT_TYPE | event_type is required
            {"event_id":"e","event_type":"click"}                                       | MISSING_USER       | user_id is required
            {"event_id":"e","event_type":"click","user_id":{"a":1}}                     | INVALID_FIELD      | user_id must be a string
            {"event_id":"e","event_type":"click","user_id":"u","timestamp":"yesterday"} | INVALID_FIELD      | timestamp must be an ISO-8601 time
            {"event_id":"e","event_type":"click","user_id":"u","timestamp":1700000000}  | INVALID_FIELD      | timestamp must be an ISO-8601 time
            {"event_id":"e","event_type":"click","user_id":"u","properties":[1]}        | INVALID_FIELD      | properties must be a JSON object
            {"event_id":"e","event_type":"click","user_id":"u","context":"DE"}          | INVALID_FIELD      | context must be a JSON object
            {"event_id":"e","event_type":"click","user_id":"u","revenue":"lots"}        | INVALID_FIELD      | revenue must be a finite number
            {"event_id":"e","event_type":"click","user_id":"u","currency":"euro"}       | INVALID_FIELD      | currency must be an ISO 4217 code
            {"event_id":"e","event_type":"click","user_id":"u","currency":"e1r"}        | INVALID_FIELD      | currency must be an ISO 4217 code
            {"event_id":"e","event_type":"click","user_id":"u","currency":"EU"}         | INVALID_FIELD      | currency must be an ISO 4217 code
            {"event_id":"e","event_type":"click","user_id":"u","currency":"ÉUR"}   | INVALID_FIELD      | currency must be an ISO 4217 code
            """)
    void rejectsWithAReasonAndAMessageThatNamesTheField(String json, RejectionReason reason, String message) {
        assertThatThrownBy(() -> map(json)).isInstanceOfSatisfying(RejectedEventException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    private static Event map(String event) {
        JsonEnvelope envelope = JsonBodies.batch(bytes("[" + event + "]"), 10);
        return new NativeEventMapper(envelope, RECEIVED).map(envelope.events().get(0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
