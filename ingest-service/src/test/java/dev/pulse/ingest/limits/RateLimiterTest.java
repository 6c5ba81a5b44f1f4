package dev.pulse.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.IngestProperties.Rate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long ONE_SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(
            Map.of("slow", new Rate(100, 200)), new Rate(1000, 1000), now::get);

    @Test
    void letsABurstThroughThenRefusesAndSaysHowLongToWait() {
        assertThat(limiter.tryAcquire("slow", 200)).isEmpty();

        assertThat(limiter.tryAcquire("slow", 50)).contains(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheConfiguredRate() {
        limiter.tryAcquire("slow", 200);
        now.addAndGet(ONE_SECOND);

        assertThat(limiter.tryAcquire("slow", 100)).isEmpty();
        assertThat(limiter.tryAcquire("slow", 1)).isPresent();
    }

    @Test
    void neverFillsBeyondTheBurst() {
        now.addAndGet(3600 * ONE_SECOND);

        assertThat(limiter.tryAcquire("slow", 201)).isPresent();
        assertThat(limiter.tryAcquire("slow", 200)).isEmpty();
    }

    @Test
    void takesABatchWholeOrNotAtAll() {
        limiter.tryAcquire("slow", 150);

        assertThat(limiter.tryAcquire("slow", 60)).isPresent();
        assertThat(limiter.tryAcquire("slow", 50)).isEmpty();
    }

    @Test
    void keepsOneBucketPerSourceAndGivesUnlistedSourcesTheDefault() {
        limiter.tryAcquire("slow", 200);

        assertThat(limiter.tryAcquire("other", 1000)).isEmpty();
        assertThat(limiter.tryAcquire("third", 1000)).isEmpty();
        assertThat(limiter.tryAcquire("third", 1)).isPresent();
    }
}
