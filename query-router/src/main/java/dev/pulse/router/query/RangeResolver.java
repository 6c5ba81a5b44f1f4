package dev.pulse.router.query;

import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a range as sent into a {@link TimeRange}. Relative ranges end at the end of the current bucket
 * (minute for {@code all}), so every refresh of a dashboard within one bucket asks the same question and
 * shares one cache key.
 */
public final class RangeResolver {

    private static final Pattern LAST = Pattern.compile("(\\d{1,6})([mhdw])");
    private static final Duration FINEST_SNAP = Duration.ofMinutes(1);

    private RangeResolver() {
    }

    public static TimeRange resolve(MetricQueryRequest.RangeSpec spec, Granularity granularity, Instant now) {
        if (spec == null) {
            throw new BadQueryException("range is required: {\"last\":\"24h\"} or {\"from\":...,\"to\":...}");
        }
        boolean relative = spec.last() != null;
        if (relative == (spec.from() != null || spec.to() != null)) {
            throw new BadQueryException("range takes either last or from and to, not both");
        }
        return relative ? relative(spec.last(), granularity, now) : absolute(spec.from(), spec.to(), now);
    }

    static TimeRange relative(String last, Granularity granularity, Instant now) {
        Duration length = parseLast(last);
        Duration snap = granularity.bucket().orElse(FINEST_SNAP);
        long unit = snap.toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), unit) * unit + unit);
        return new TimeRange(end.minus(length), end, true);
    }

    static TimeRange absolute(String from, String to, Instant now) {
        if (from == null || to == null) {
            throw new BadQueryException("an absolute range needs both from and to");
        }
        Instant start = instant("range.from", from);
        Instant end = instant("range.to", to);
        if (!start.isBefore(end)) {
            throw new BadQueryException("range.from must be before range.to");
        }
        return new TimeRange(start, end, end.isAfter(now));
    }

    static Duration parseLast(String last) {
        Matcher m = LAST.matcher(last.trim());
        if (!m.matches()) {
            throw new BadQueryException("range.last must look like 30m, 24h, 7d or 2w, not '" + last + "'");
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            throw new BadQueryException("range.last must be longer than zero");
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(field + " must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
        }
    }
}
