package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventReaderTest {

    private static final EventReader READER = new EventReader(com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .build());

    @Test
    void readsPulsesOwnFormAsDatabindDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            byte[] json = EventJson.write(EventWriterTest.randomEvent(random));
            Event fast = EventJson.read(json);
            assertThat(fast).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(EventJson.readWithDatabind(json));
        }
    }

    @Test
    void takesTheFastPathForPulsesOwnForm() {
        byte[] json = ("{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":"
                + "\"2026-11-28T10:15:30.123Z\",\"received_at\":\"2026-11-28T10:15:31Z\",\"properties\":{\"n\":1,"
                + "\"l\":[1,2.5,\"x\",null],\"m\":{\"k\":true}},\"context\":{\"country\":\"DE\",\"device\":null},"
                + "\"revenue\":19.99,\"currency\":\"EUR\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(READER.readOwnForm(json)).isNotNull().isEqualTo(EventJson.readWithDatabind(json));
    }

    /** Coercions, other time forms, unknown fields, broken JSON: databind's answer, whatever it is. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":42,\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T11:15:30+01:00\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":1764324930.5}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\",\"sdk\":\"x\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\",\"revenue\":\"9.5\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\",\"context\":{\"city\":\"B\"}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"user_id\":\"u2\",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}",
            "{\"event_id\":\"\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-02-30T10:15:30Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"} {}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:15:30Z\"",
            "[1,2]", ""})
    void answersEveryOtherFormAsDatabindDoes(String text) {
        byte[] json = text.getBytes(StandardCharsets.UTF_8);
        Throwable databindError = catchThrowable(() -> EventJson.readWithDatabind(json));
        Throwable error = catchThrowable(() -> EventJson.read(json));
        if (databindError == null) {
            assertThat(error).isNull();
            assertThat(EventJson.read(json)).isEqualTo(EventJson.readWithDatabind(json));
        } else {
            assertThat(error).isNotNull().hasSameClassAs(databindError).hasMessage(databindError.getMessage());
        }
    }
}
