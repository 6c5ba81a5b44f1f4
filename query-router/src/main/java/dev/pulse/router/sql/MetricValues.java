package dev.pulse.router.sql;

import dev.pulse.model.catalog.Metric;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the rows Druid returns for {@link MetricSqlBuilder}'s SQL into the API's rows. */
public final class MetricValues {

    private final MetricCatalog catalog;

    public MetricValues(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    static String column(String metric) {
        return "m_" + metric;
    }

    static String numerator(String metric) {
        return "n_" + metric;
    }

    static String denominator(String metric) {
        return "d_" + metric;
    }

    public List<Map<String, Object>> rows(MetricQuery query, List<Map<String, Object>> druidRows) {
        return druidRows.stream().map(row -> row(query, row)).toList();
    }

    private Map<String, Object> row(MetricQuery query, Map<String, Object> druid) {
        Map<String, Object> row = new LinkedHashMap<>();
        Instant time = query.granularity() == Granularity.ALL
                ? query.range().from()
                : Instant.ofEpochMilli(((Number) druid.get(MetricSqlBuilder.TIME_COLUMN)).longValue());
        row.put("time", time.toString());
        for (String dimension : query.groupBy()) {
            row.put(dimension, druid.get(dimension));
        }
        for (String name : query.metrics()) {
            Metric metric = catalog.metric(name).orElseThrow();
            row.put(name, switch (metric.type()) {
                case SUM, DISTINCT -> druid.get(column(name));
                case RATIO -> ratio(druid.get(numerator(name)), druid.get(denominator(name)));
                case RATE -> rate(druid.get(column(name)), bucket(query), metric.per());
            });
        }
        return row;
    }

    private static Duration bucket(MetricQuery query) {
        return query.granularity().bucket().orElse(query.range().length());
    }

    static Double ratio(Object numerator, Object denominator) {
        double den = denominator == null ? 0 : ((Number) denominator).doubleValue();
        if (den == 0) {
            return null;
        }
        return (numerator == null ? 0 : ((Number) numerator).doubleValue()) / den;
    }

    static Double rate(Object value, Duration bucket, Duration per) {
        double amount = value == null ? 0 : ((Number) value).doubleValue();
        return amount / ((double) bucket.toMillis() / per.toMillis());
    }
}
