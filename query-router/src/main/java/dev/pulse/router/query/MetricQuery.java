package dev.pulse.router.query;

import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * A validated metric query in normal form: names checked against the catalog, the range resolved and snapped,
 * filter values sorted and de-duplicated. Two requests that mean the same thing have equal normal forms.
 *
 * @param moving the moving-window length, or null
 */
public record MetricQuery(
        List<String> metrics,
        TimeRange range,
        Granularity granularity,
        SortedMap<String, List<String>> filters,
        List<String> groupBy,
        int limit,
        Duration moving) {

    public MetricQuery {
        metrics = List.copyOf(metrics);
        filters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(filters));
        groupBy = List.copyOf(groupBy);
    }

    /** Every dimension the query touches, grouped or filtered. */
    public java.util.SortedSet<String> dimensions() {
        var all = new java.util.TreeSet<>(filters.keySet());
        all.addAll(groupBy);
        return all;
    }
}
