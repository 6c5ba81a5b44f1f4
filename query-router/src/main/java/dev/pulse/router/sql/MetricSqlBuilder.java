package dev.pulse.router.sql;

import static dev.pulse.router.sql.Identifiers.quote;

import dev.pulse.model.catalog.Measure;
import dev.pulse.model.catalog.Metric;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.Target;
import dev.pulse.router.routing.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the Druid SQL of a metric query. Identifiers come from the catalog (already validated by the
 * normaliser); every value, including times, filter values, event types and the limit, is a bound parameter.
 * Ratios and rates are finished in Java ({@link MetricValues}) so that an empty denominator is null, not an error.
 */
public final class MetricSqlBuilder {

    static final String TIME_COLUMN = "time";

    private final MetricCatalog catalog;

    public MetricSqlBuilder(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    public SqlQuery build(MetricQuery query, Target target, String physicalDatasource) {
        return build(query, target, physicalDatasource, List.of(query.range()));
    }

    /** The query over only some parts of its range ({@code StoredCells}: the buckets a scan could not answer). */
    public SqlQuery build(MetricQuery query, Target target, String physicalDatasource, List<TimeRange> parts) {
        List<Object> selectParams = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        String timeExpression = null;
        if (query.granularity() != Granularity.ALL) {
            // the period is one of a fixed set of constants, never caller text
            timeExpression = "TIME_FLOOR(\"__time\", '" + query.granularity().period() + "')";
            select.add("TIMESTAMP_TO_MILLIS(" + timeExpression + ") AS " + quote(TIME_COLUMN));
            groupBy.add(timeExpression);
        }
        for (String dimension : query.groupBy()) {
            String column = quote(column(dimension, target));
            select.add(column + " AS " + quote(dimension));
            groupBy.add(column);
        }
        for (String name : query.metrics()) {
            Metric metric = catalog.metric(name).orElseThrow();
            switch (metric.type()) {
                case SUM, DISTINCT, RATE -> select.add(aggregate(metric.measure(), target, List.of(), selectParams)
                        + " AS " + quote(MetricValues.column(name)));
                case RATIO -> {
                    select.add(aggregate(metric.numerator().measure(), target, metric.numerator().eventTypes(),
                            selectParams) + " AS " + quote(MetricValues.numerator(name)));
                    select.add(aggregate(metric.denominator().measure(), target, metric.denominator().eventTypes(),
                            selectParams) + " AS " + quote(MetricValues.denominator(name)));
                }
            }
        }

        List<Object> params = new ArrayList<>(selectParams);
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
        from(sql, params, query, target, physicalDatasource, parts);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (timeExpression != null) {
            sql.append(" ORDER BY ").append(timeExpression);
        }
        sql.append(" LIMIT ?");
        params.add(query.limit());
        return new SqlQuery(sql.toString(), params);
    }

    /**
     * The scan of {@code StoredCells}: a rollup's stored rows as they are, each row's sketch estimated where it is
     * stored. Only for a query whose buckets are the rollup's own (a row's time is then its bucket's start).
     */
    public SqlQuery scan(MetricQuery query, String physicalDatasource) {
        List<String> select = new ArrayList<>();
        select.add("TIMESTAMP_TO_MILLIS(\"__time\") AS " + quote(TIME_COLUMN));
        for (String dimension : query.groupBy()) {
            select.add(quote(dimension) + " AS " + quote(dimension));
        }
        for (String name : query.metrics()) {
            Measure measure = catalog.measure(catalog.metric(name).orElseThrow().measure()).orElseThrow();
            String value = switch (measure.type()) {
                case COUNT, SUM -> quote(measure.name());
                // rounded to a whole number, as APPROX_COUNT_DISTINCT_DS_HLL rounds on the grouped path
                case HLL -> "CAST(HLL_SKETCH_ESTIMATE(" + quote(measure.name()) + ", TRUE) AS BIGINT)";
            };
            select.add(value + " AS " + quote(MetricValues.column(name)));
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
        from(sql, params, query, Target.ROLLUP, physicalDatasource, List.of(query.range()));
        // one row more than the answer may hold: a full scan means cells beyond the limit, which only the grouped
        // query can cut in time order
        sql.append(" LIMIT ?");
        params.add(query.limit() + 1);
        return new SqlQuery(sql.toString(), params);
    }

    /** FROM and WHERE: the parts of the range, then the filters. */
    private void from(StringBuilder sql, List<Object> params, MetricQuery query, Target target,
                      String physicalDatasource, List<TimeRange> parts) {
        sql.append(" FROM ").append(quote(physicalDatasource)).append(" WHERE ");
        StringJoiner times = new StringJoiner(" OR ", parts.size() > 1 ? "(" : "", parts.size() > 1 ? ")" : "");
        for (TimeRange part : parts) {
            // Druid turns each of these into a query interval: only those segments are read
            times.add("\"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))"
                    + " AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))");
            params.add(part.from().toEpochMilli());
            params.add(part.to().toEpochMilli());
        }
        sql.append(times);
        for (Map.Entry<String, List<String>> filter : query.filters().entrySet()) {
            sql.append(" AND ").append(quote(column(filter.getKey(), target))).append(" IN ")
                    .append(placeholders(filter.getValue().size()));
            params.addAll(filter.getValue());
        }
    }

    private String column(String dimension, Target target) {
        // rollup datasources name their columns after the catalog dimensions
        return target == Target.ROLLUP ? dimension : Identifiers.rawColumn(catalog.dimension(dimension).orElseThrow());
    }

    private String aggregate(String measureName, Target target, List<String> eventTypes, List<Object> params) {
        Measure measure = catalog.measure(measureName).orElseThrow();
        String expression = switch (measure.type()) {
            case COUNT -> target == Target.ROLLUP ? "SUM(" + quote(measure.name()) + ")" : "COUNT(*)";
            case SUM -> "SUM(" + quote(target == Target.ROLLUP ? measure.name() : measure.field()) + ")";
            // lgK and type are the catalog's and a constant; without them Druid would union into HLL_4, the slow type
            case HLL -> "APPROX_COUNT_DISTINCT_DS_HLL("
                    + quote(target == Target.ROLLUP ? measure.name() : measure.field())
                    + ", " + measure.lgK() + ", '" + Measure.HLL_TYPE + "')";
        };
        if (eventTypes.isEmpty()) {
            return expression;
        }
        params.addAll(eventTypes);
        return expression + " FILTER (WHERE \"event_type\" IN " + placeholders(eventTypes.size()) + ")";
    }

    private static String placeholders(int count) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }
}
