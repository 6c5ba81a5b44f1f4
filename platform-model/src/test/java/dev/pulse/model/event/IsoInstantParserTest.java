package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantParserTest {

    @Test
    void readsWhatTheGeneralParserReadsForEveryFractionLength() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000));
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(IsoInstantParser.parse(text)).as(text).isEqualTo(Instant.parse(text));
            // every fraction length from none to nine digits, not only the 0, 3, 6 or 9 that ISO_INSTANT prints
            int digits = i % 10;
            String fraction = "%09d".formatted(instant.getNano()).substring(0, digits);
            String other = text.substring(0, 19) + (digits == 0 ? "" : "." + fraction) + "Z";
            assertThat(IsoInstantParser.parse(other)).as(other).isEqualTo(Instant.parse(other));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T11:15:30+0100", "2026-11-28T10:15:30+19:00", "2026-11-28 10:15:30Z", "2026-02-30T10:15:30Z",
            "2026-11-28T24:00:00Z", "2026-11-28T23:59:60Z", "2026-11-28T10:15:30.Z", "2026-11-28T10:15:30.1234567890Z",
            "+12026-11-28T10:15:30Z", "2026-11-28T10:15:30z", " 2026-11-28T10:15:30Z", "2026-1a-28T10:15:30Z"})
    void leavesEveryOtherFormToTheGeneralParser(String text) {
        assertThat(IsoInstantParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T11:15:30+01:00", "2026-11-28T10:15:30.5-05:30", "2026-01-31T00:00:00+14:00",
            "2026-11-28T10:15:30.123456789-00:00", "2024-02-29T23:59:59+18:00"})
    void readsOffsetsAsJavaTimeDoes(String text) {
        assertThat(IsoInstantParser.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Test
    void eventsWithOffsetsOrImpossibleDatesReadAsBefore() {
        String template = "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"%s\"}";
        assertThat(EventJson.read(template.formatted("2026-11-28T11:15:30+01:00")).timestamp())
                .isEqualTo(Instant.parse("2026-11-28T10:15:30Z"));
        assertThat(EventJson.read(template.formatted("2026-11-28T10:15:30.5Z")).timestamp())
                .isEqualTo(Instant.parse("2026-11-28T10:15:30.500Z"));
        assertThatThrownBy(() -> EventJson.read(template.formatted("2026-02-30T10:15:30Z")))
                .isInstanceOf(EventFormatException.class);
    }
}
