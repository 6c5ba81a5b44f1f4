package dev.pulse.router.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A resolved, half-open time range [from, to).
 *
 * @param live whether the range reaches the present, so its numbers can still change
 */
public record TimeRange(Instant from, Instant to, boolean live) {

    public TimeRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("range.from must be before range.to");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** Whether both ends fall on boundaries of {@code unit} (epoch-aligned, as Druid's buckets are). */
    public boolean alignedTo(Duration unit) {
        long u = unit.toMillis();
        return from.toEpochMilli() % u == 0 && to.toEpochMilli() % u == 0;
    }
}
