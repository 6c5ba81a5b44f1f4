package dev.pulse.router.sql;

import static dev.pulse.router.sql.Identifiers.quote;

import dev.pulse.model.catalog.Dimension;
import dev.pulse.model.catalog.Measure;
import dev.pulse.model.catalog.Metric;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.MetricType;
import dev.pulse.model.catalog.Window;
import dev.pulse.model.catalog.WindowType;
import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Route;
import dev.pulse.router.routing.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The fast path of a rollup query whose answer cells are each one stored row.
 *
 * <p>Druid answers a grouped distinct count by sending every cell's sketch (4 KB at lgK 12) from the historicals to
 * the broker and merging it there, even when the cell is a single stored row; for a week of hourly countries that
 * is 3,360 sketches and most of a second on two cores. When the query's buckets are the datasource's own and every
 * dimension the datasource keeps is grouped by or filtered to one value, a cell is one stored row wherever Druid
 * rolled the rows up perfectly: batch-loaded and compacted segments. A scan that estimates each row's sketch where it
 * is stored then gives the same answer, sending one number per cell.
 *
 * <p>Whether the rows were rolled up perfectly is not known before asking: live segments and appended ones hold
 * several rows per cell. So {@link #cells} accepts the scan only when no cell appears twice; otherwise the caller
 * runs the grouped query of {@link MetricSqlBuilder}.
 */
public final class StoredCells {

    private final MetricCatalog catalog;

    public StoredCells(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    /** The scan for this query, or empty when its cells cannot be single stored rows. */
    public Optional<SqlQuery> scan(MetricQuery query, Route route, String physicalDatasource) {
        if (!applies(query, route)) {
            return Optional.empty();
        }
        List<String> select = new ArrayList<>();
        // the datasource's query granularity is the bucket, so a row's time is its bucket's start
        select.add("TIMESTAMP_TO_MILLIS(\"__time\") AS " + quote(MetricSqlBuilder.TIME_COLUMN));
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
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(quote(physicalDatasource))
                .append(" WHERE \"__time\" >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))")
                .append(" AND \"__time\" < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))");
        params.add(query.range().from().toEpochMilli());
        params.add(query.range().to().toEpochMilli());
        for (Map.Entry<String, List<String>> filter : query.filters().entrySet()) {
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            filter.getValue().forEach(v -> placeholders.add("?"));
            sql.append(" AND ").append(quote(filter.getKey())).append(" IN ").append(placeholders);
            params.addAll(filter.getValue());
        }
        // one row more than the answer may hold: a full scan means cells beyond the limit, which only the grouped
        // query can cut in time order
        sql.append(" LIMIT ?");
        params.add(query.limit() + 1);
        return Optional.of(new SqlQuery(sql.toString(), params));
    }

    /**
     * The scan's rows as the grouped query would return them (in time order, then by the grouped values), or empty
     * when a cell appears twice (rows not perfectly rolled up) or the scan hit its limit.
     */
    public Optional<List<Map<String, Object>>> cells(MetricQuery query, List<Map<String, Object>> scanned) {
        if (scanned.size() > query.limit()) {
            return Optional.empty();
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Map<String, Object> row : scanned) {
            if (!seen.add(key(query, row))) {
                return Optional.empty();
            }
        }
        Comparator<Map<String, Object>> order = Comparator.comparingLong(
                row -> ((Number) row.get(MetricSqlBuilder.TIME_COLUMN)).longValue());
        for (String dimension : query.groupBy()) {
            order = order.thenComparing(row -> (String) row.get(dimension),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return Optional.of(scanned.stream().sorted(order).toList());
    }

    private boolean applies(MetricQuery query, Route route) {
        if (route.target() != Target.ROLLUP || query.moving() != null || route.window() == null) {
            return false;
        }
        Window window = catalog.window(route.window()).orElseThrow();
        if (window.type() != WindowType.TUMBLING
                || !query.granularity().bucket().map(window.size()::equals).orElse(false)) {
            return false;
        }
        for (Dimension kept : catalog.dimensionsOf(window)) {
            List<String> values = query.filters().get(kept.name());
            if (!query.groupBy().contains(kept.name()) && (values == null || values.size() != 1)) {
                return false;
            }
        }
        // ratios filter their sketches by event type inside a cell: only the grouped query does that
        return query.metrics().stream().map(name -> catalog.metric(name).orElseThrow().type())
                .allMatch(type -> type == MetricType.SUM || type == MetricType.DISTINCT || type == MetricType.RATE);
    }

    private static List<Object> key(MetricQuery query, Map<String, Object> row) {
        List<Object> key = new ArrayList<>(query.groupBy().size() + 1);
        key.add(Objects.requireNonNull(row.get(MetricSqlBuilder.TIME_COLUMN), "scan row without time"));
        query.groupBy().forEach(dimension -> key.add(row.get(dimension)));
        return key;
    }
}
