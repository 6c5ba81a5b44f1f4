package dev.pulse.router.cache;

import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an answer may be served from the cache, and the data version that ends it early.
 *
 * @param liveTtl     for ranges reaching the present or ended less than {@code settleAfter} ago
 * @param settledTtl  for older ranges, whose numbers no longer change
 */
public record CachePolicy(Duration liveTtl, Duration settledTtl, Duration settleAfter) {

    public Duration ttl(TimeRange range, Instant now) {
        boolean settled = !range.live() && !range.to().isAfter(now.minus(settleAfter));
        return settled ? settledTtl : liveTtl;
    }

    /**
     * The data version of a range given the datasource's progress (the event time up to which its data is
     * complete). Once progress passes the range's end, the answer is final and the version stops changing, so
     * settled ranges keep their entries while every new progress signal retires the entries of live ones.
     */
    public static String dataVersion(Instant progress, TimeRange range) {
        if (progress == null) {
            return "none";
        }
        return progress.isBefore(range.to()) ? "p" + progress.toEpochMilli() : "complete";
    }
}
