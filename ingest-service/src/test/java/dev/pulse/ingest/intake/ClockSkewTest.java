package dev.pulse.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSkewTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void shiftsAClientClockThatIsAnHourFastBackByThatHour() {
        Instant happened = Instant.parse("2026-11-28T10:59:50Z");
        Instant sent = Instant.parse("2026-11-28T11:00:00Z");

        assertThat(ClockSkew.correct(happened, sent, RECEIVED)).isEqualTo(Instant.parse("2026-11-28T09:59:50Z"));
    }

    @Test
    void shiftsAClientClockThatIsSlowForward() {
        Instant happened = Instant.parse("2026-11-28T09:30:00Z");
        Instant sent = Instant.parse("2026-11-28T09:30:03Z");

        assertThat(ClockSkew.correct(happened, sent, RECEIVED)).isEqualTo(Instant.parse("2026-11-28T09:59:57Z"));
    }

    @Test
    void keepsTheClientTimestampWhenTheClientDidNotSaySentAt() {
        Instant happened = Instant.parse("2026-11-28T09:00:00Z");

        assertThat(ClockSkew.correct(happened, null, RECEIVED)).isEqualTo(happened);
    }

    @Test
    void takesTheTimeOfReceiptWhenTheEventHasNoTimestamp() {
        assertThat(ClockSkew.correct(null, Instant.parse("2026-11-28T11:00:00Z"), RECEIVED)).isEqualTo(RECEIVED);
    }
}
