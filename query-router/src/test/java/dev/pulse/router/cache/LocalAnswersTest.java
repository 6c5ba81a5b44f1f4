package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void servesAValueUntilTheExpiryOfItsRedisEntry() {
        LocalAnswers local = new LocalAnswers(1_000, clock);
        local.put("k", bytes(10), NOW.plusSeconds(30));

        clock.now = NOW.plusSeconds(29);
        assertThat(local.get("k")).hasSize(10);
        clock.now = NOW.plusSeconds(30);
        assertThat(local.get("k")).isNull();
        assertThat(local.size()).isZero();
        assertThat(local.bytes()).isZero();
    }

    @Test
    void keepsNothingAlreadyExpired() {
        LocalAnswers local = new LocalAnswers(1_000, clock);
        local.put("k", bytes(10), NOW);

        assertThat(local.get("k")).isNull();
        assertThat(local.size()).isZero();
    }

    @Test
    void dropsTheLeastRecentlyUsedAnswersWhenOverItsBytes() {
        LocalAnswers local = new LocalAnswers(1_000, clock);
        local.put("a", bytes(250), NOW.plusSeconds(60));
        local.put("b", bytes(250), NOW.plusSeconds(60));
        local.put("c", bytes(250), NOW.plusSeconds(60));
        local.put("d", bytes(250), NOW.plusSeconds(60));
        assertThat(local.get("a")).isNotNull();

        local.put("e", bytes(250), NOW.plusSeconds(60));

        assertThat(local.get("b")).as("least recently used").isNull();
        assertThat(local.get("a")).isNotNull();
        assertThat(local.get("e")).isNotNull();
        assertThat(local.bytes()).isEqualTo(1_000);
        assertThat(local.size()).isEqualTo(4);
    }

    @Test
    void aReplacedValueCountsOnlyOnce() {
        LocalAnswers local = new LocalAnswers(1_000, clock);
        local.put("k", bytes(100), NOW.plusSeconds(60));
        local.put("k", bytes(200), NOW.plusSeconds(60));

        assertThat(local.get("k")).hasSize(200);
        assertThat(local.bytes()).isEqualTo(200);
    }

    @Test
    void doesNotKeepAValueOverAQuarterOfItsBytes() {
        LocalAnswers local = new LocalAnswers(1_000, clock);
        local.put("small", bytes(250), NOW.plusSeconds(60));
        local.put("big", bytes(251), NOW.plusSeconds(60));

        assertThat(local.get("big")).isNull();
        assertThat(local.get("small")).isNotNull();
    }

    @Test
    void zeroBytesKeepsNothing() {
        LocalAnswers local = new LocalAnswers(0, clock);
        local.put("k", bytes(1), NOW.plusSeconds(60));

        assertThat(local.get("k")).isNull();
        assertThatThrownBy(() -> new LocalAnswers(-1, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(int length) {
        return new byte[length];
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
