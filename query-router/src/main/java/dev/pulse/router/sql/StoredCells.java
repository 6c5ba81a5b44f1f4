package dev.pulse.router.sql;

import dev.pulse.model.catalog.Dimension;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.MetricType;
import dev.pulse.model.catalog.Window;
import dev.pulse.model.catalog.WindowType;
import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.MetricQuery;
import dev.pulse.router.routing.Route;
import dev.pulse.router.routing.Target;
import dev.pulse.router.routing.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

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
 * several rows per cell. A cell that the whole-range scan returned once is that one row, so {@link #read} keeps
 * the buckets without a repeated cell, and leaves the others (typically recent hours, not yet compacted) to one
 * grouped query of {@link MetricSqlBuilder} over just those buckets, whose rows {@link Scanned#with} puts in place.
 */
public final class StoredCells {

    private final MetricCatalog catalog;
    private final MetricSqlBuilder sql;
    private final boolean enabled;

    /** @param enabled false: never scan, every rollup query is grouped */
    public StoredCells(MetricCatalog catalog, MetricSqlBuilder sql, boolean enabled) {
        this.catalog = catalog;
        this.sql = sql;
        this.enabled = enabled;
    }

    /** The scan for this query, or empty when its cells cannot be single stored rows (or scans are off). */
    public Optional<SqlQuery> scan(MetricQuery query, Route route, String physicalDatasource) {
        if (!enabled || !applies(query, route)) {
            return Optional.empty();
        }
        return Optional.of(sql.scan(query, physicalDatasource));
    }

    /**
     * What a scan answered.
     *
     * @param cells   the cells of the buckets outside {@code regroup}, each one stored row, in time order, then by
     *                grouped values
     * @param regroup the runs of consecutive buckets holding a cell stored in several rows, for the grouped query, in
     *                time order; empty when none
     */
    public record Scanned(List<Map<String, Object>> cells, List<TimeRange> regroup) {

        public Scanned {
            cells = List.copyOf(cells);
            regroup = List.copyOf(regroup);
        }

        /** The answer: these cells and the grouped query's rows for {@code regroup} (in time order), by time. */
        public List<Map<String, Object>> with(List<Map<String, Object>> regrouped) {
            if (regroup.isEmpty()) {
                return cells;
            }
            List<Map<String, Object>> answer = new ArrayList<>(cells.size() + regrouped.size());
            answer.addAll(cells);
            answer.addAll(regrouped);
            // stable: a bucket's rows all come from one of the two lists, in that list's order
            answer.sort(Comparator.comparingLong(StoredCells::time));
            return answer;
        }
    }

    /**
     * The scan's rows as the grouped query would return them, or empty when the scan hit its limit (it may not
     * hold every cell).
     */
    public Optional<Scanned> read(MetricQuery query, List<Map<String, Object>> scanned) {
        if (scanned.size() > query.limit()) {
            return Optional.empty();
        }
        Set<List<Object>> seen = new HashSet<>();
        TreeSet<Long> repeated = new TreeSet<>();
        for (Map<String, Object> row : scanned) {
            if (!seen.add(key(query, row))) {
                repeated.add(time(row));
            }
        }
        Comparator<Map<String, Object>> order = Comparator.comparingLong(StoredCells::time);
        for (String dimension : query.groupBy()) {
            order = order.thenComparing(row -> (String) row.get(dimension),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        List<Map<String, Object>> single = scanned.stream().filter(row -> !repeated.contains(time(row)))
                .sorted(order).toList();
        return Optional.of(new Scanned(single, runs(repeated, query.granularity().bucket().orElseThrow().toMillis(),
                query.range().live())));
    }

    /** Bucket starts as ranges, consecutive buckets joined into one. */
    private static List<TimeRange> runs(SortedSet<Long> bucketStarts, long bucket, boolean live) {
        List<TimeRange> runs = new ArrayList<>();
        long from = -1;
        long to = -1;
        for (long start : bucketStarts) {
            if (start != to) {
                if (from >= 0) {
                    runs.add(new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), live));
                }
                from = start;
            }
            to = start + bucket;
        }
        if (from >= 0) {
            runs.add(new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), live));
        }
        return runs;
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
        key.add(time(row));
        query.groupBy().forEach(dimension -> key.add(row.get(dimension)));
        return key;
    }

    private static long time(Map<String, Object> row) {
        return ((Number) Objects.requireNonNull(row.get(MetricSqlBuilder.TIME_COLUMN), "scan row without time"))
                .longValue();
    }
}
