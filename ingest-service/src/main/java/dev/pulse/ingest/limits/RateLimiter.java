package dev.pulse.ingest.limits;

import dev.pulse.ingest.IngestProperties.Rate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-source token buckets counting events, not requests: a batch of 500 costs 500. A batch is taken whole or not
 * at all, so a client never sees half of a batch accepted for rate reasons.
 */
public final class RateLimiter {

    private final Map<String, Rate> rates;
    private final Rate defaultRate;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Map<String, Rate> rates, Rate defaultRate, LongSupplier nanoClock) {
        this.rates = Map.copyOf(rates);
        this.defaultRate = defaultRate;
        this.nanoClock = nanoClock;
    }

    /** @return empty when the events may pass, else how long until they would */
    public Optional<Duration> tryAcquire(String source, int events) {
        TokenBucket bucket = buckets.computeIfAbsent(source, s -> new TokenBucket(rates.getOrDefault(s, defaultRate), nanoClock.getAsLong()));
        return bucket.tryTake(events, nanoClock.getAsLong());
    }

    static final class TokenBucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long lastRefill;

        TokenBucket(Rate rate, long now) {
            this.perNano = rate.eventsPerSecond() / 1e9;
            this.capacity = rate.burst();
            this.tokens = capacity;
            this.lastRefill = now;
        }

        synchronized Optional<Duration> tryTake(int events, long now) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
            lastRefill = now;
            if (events <= tokens) {
                tokens -= events;
                return Optional.empty();
            }
            // a batch larger than the whole bucket can never pass: tell the client when the bucket is full again
            double missing = Math.min(events, capacity) - tokens;
            return Optional.of(Duration.ofNanos((long) Math.ceil(missing / perNano)));
        }
    }
}
