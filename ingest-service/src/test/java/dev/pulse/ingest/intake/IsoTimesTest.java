package dev.pulse.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-28T10:15:30Z", "2026-11-28T10:15:30.1Z", "2026-11-28T10:15:30.123Z", "2026-11-28T10:15:30.123456789Z",
            "2026-11-28T10:15:30+01:00", "2026-11-28T10:15:30.5-05:30", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
            "2026-01-31T00:00:00+14:00", "2026-11-28T10:15Z", "2026-11-28T10:15:30.Z", "0001-01-01T00:00:00Z"})
    void readsWhatJavaTimeReads(String text) {
        assertThat(IsoTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-28T24:00:00Z", "2026-11-28T10:15:30",
            "2026-11-28 10:15:30Z", "2026-11-28T10:15:30+0100", "2026-11-28T10:15:30.1234567890Z", "yesterday",
            "2026-11-28T10:15:30+25:00", "2026-11-2aT10:15:30Z"})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
