package dev.pulse.router.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The time buckets a metric query can ask for, by their names in the API. */
public enum Granularity {
    MINUTE("minute", Duration.ofMinutes(1), "PT1M"),
    FIVE_MINUTE("5minute", Duration.ofMinutes(5), "PT5M"),
    HOUR("hour", Duration.ofHours(1), "PT1H"),
    DAY("day", Duration.ofDays(1), "P1D"),
    /** one bucket for the whole range */
    ALL("all", null, null);

    private final String id;
    private final Duration bucket;
    private final String period;

    Granularity(String id, Duration bucket, String period) {
        this.id = id;
        this.bucket = bucket;
        this.period = period;
    }

    public String id() {
        return id;
    }

    /** The bucket length; empty for {@link #ALL}. */
    public Optional<Duration> bucket() {
        return Optional.ofNullable(bucket);
    }

    /** The ISO-8601 period Druid's TIME_FLOOR takes; null for {@link #ALL}. */
    public String period() {
        return period;
    }

    /** Whether buckets of this granularity are made of whole buckets of {@code unit} (ALL is made of anything). */
    public boolean isMultipleOf(Duration unit) {
        return bucket == null || bucket.toMillis() % unit.toMillis() == 0;
    }

    public static Optional<Granularity> of(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
