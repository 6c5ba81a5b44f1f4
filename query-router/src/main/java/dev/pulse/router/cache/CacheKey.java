package dev.pulse.router.cache;

import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The Redis key of a metric query's answer: a hash of its normal form, the physical datasource that answers it
 * and the data version. Order of metrics and group-by dimensions does not matter (rows are maps); every
 * value is length-prefixed so that no two different queries can spell the same canonical text.
 */
public final class CacheKey {

    /**
     * v4: the value is its expiry time, then {@link CachedRows} (v3 had no expiry time, v2 held the JSON array of
     * rows, v1 wrapped it in an object).
     */
    public static final String PREFIX = "pulse:qr:v4:";

    private CacheKey() {
    }

    public static String of(MetricQuery query, Route route, String physicalDatasource, String dataVersion) {
        return PREFIX + sha256(canonical(query, route, physicalDatasource, dataVersion));
    }

    static String canonical(MetricQuery query, Route route, String physicalDatasource, String dataVersion) {
        StringBuilder text = new StringBuilder();
        field(text, route.target().name());
        field(text, physicalDatasource);
        list(text, new TreeSet<>(query.metrics()));
        field(text, Long.toString(query.range().from().toEpochMilli()));
        field(text, Long.toString(query.range().to().toEpochMilli()));
        field(text, query.granularity().id());
        query.filters().forEach((dimension, values) -> {
            field(text, dimension);
            list(text, values);
        });
        text.append('|');
        list(text, new TreeSet<>(query.groupBy()));
        field(text, Integer.toString(query.limit()));
        field(text, query.moving() == null ? "" : query.moving().toString());
        field(text, dataVersion);
        return text.toString();
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }

    private static void list(StringBuilder text, Iterable<String> values) {
        text.append('[');
        values.forEach(v -> field(text, v));
        text.append(']');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
