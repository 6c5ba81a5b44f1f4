package dev.pulse.model.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalEventTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");

    @Test
    void readsTheLeadingFieldsOfWhatEventJsonWrites() {
        Event event = new Event("7f1c", "transaction", "u-42", T0, T0.plusSeconds(1), Map.of("sku", "A1"),
                new EventContext("DE", "mobile", "web"), 19.99, "EUR");

        assertThat(CanonicalEvent.readHead(EventJson.write(event)))
                .isEqualTo(new CanonicalEvent.Head("7f1c", "transaction", "u-42", T0.toEpochMilli()));
    }

    @Test
    void readsTheLeadingFieldsOfManyRandomEventsOrDeclinesOnlyForYearsItCannotRead() {
        Random random = new Random(20261201);
        int declined = 0;
        for (int i = 0; i < 5_000; i++) {
            Event event = EventWriterTest.randomEvent(random);
            CanonicalEvent.Head head = CanonicalEvent.readHead(EventJson.write(event));
            int year = event.timestamp().atZone(java.time.ZoneOffset.UTC).getYear();
            if (year > 9999) { // printed as "+10000-..."; the full parse reads those
                assertThat(head).as(event.toString()).isNull();
                declined++;
                continue;
            }
            assertThat(head).as(event.toString()).isEqualTo(new CanonicalEvent.Head(event.eventId(), event.eventType(),
                    event.userId(), event.timestamp().toEpochMilli()));
        }
        assertThat(declined).as("the random years reach past 9999 sometimes").isBetween(1, 1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event_type\":\"click\",\"event_id\":\"e1\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":1764324930000}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}",
            "{\"event_id\":\"\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\" \",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"yesterday\"}",
            "{\"event_id\":7,\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "[\"event_id\",\"e1\"]",
            "{\"event_id\":\"e1\",\"event_ty",
            "not json",
            ""})
    void declinesWhatDoesNotStartAsEventJsonWrites(String json) {
        assertThat(CanonicalEvent.readHead(json.getBytes(UTF_8))).isNull();
    }

    @Test
    void recognisesOnlyItsOwnHeaderValue() {
        assertThat(CanonicalEvent.isCanonical(CanonicalEvent.headerValue())).isTrue();
        assertThat(CanonicalEvent.isCanonical(null)).isFalse();
        assertThat(CanonicalEvent.isCanonical("event-json-0".getBytes(UTF_8))).isFalse();
        assertThat(CanonicalEvent.isCanonical(new byte[0])).isFalse();
    }
}
