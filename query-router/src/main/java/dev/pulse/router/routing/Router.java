package dev.pulse.router.routing;

import dev.pulse.model.catalog.Dimension;
import dev.pulse.model.catalog.Metric;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.MetricType;
import dev.pulse.model.catalog.Window;
import dev.pulse.model.catalog.WindowType;
import dev.pulse.router.query.BadQueryException;
import dev.pulse.router.query.MetricQuery;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides rollup or raw for a metric query, from the catalog alone. A pure function: the decision table in
 * {@code RouterTest} covers it.
 */
public final class Router {

    /** The column the metrics' event-type filters read (conversion rate: purchasers over viewers). */
    private static final String EVENT_TYPE = "event_type";

    private final MetricCatalog catalog;
    private final Duration maxRollupRange;
    /** Window name -> the dimensions its datasource keeps; fixed by the catalog, so worked out once. */
    private final Map<String, Set<String>> keptDimensions;

    public Router(MetricCatalog catalog, Duration maxRollupRange) {
        this.catalog = catalog;
        this.maxRollupRange = maxRollupRange;
        this.keptDimensions = catalog.windows().stream().collect(Collectors.toMap(Window::name,
                w -> catalog.dimensionsOf(w).stream().map(Dimension::name).collect(Collectors.toUnmodifiableSet())));
    }

    public Route route(MetricQuery query) {
        for (String name : query.dimensions()) {
            Dimension dimension = catalog.dimension(name).orElseThrow();
            if (!dimension.rollup()) {
                if (query.moving() != null) {
                    throw new BadQueryException("moving windows come from the rollups, which do not keep " + name);
                }
                return Route.raw("dimension " + name + " is not in the rollups (cardinality "
                        + dimension.cardinality() + ")");
            }
        }
        if (query.moving() != null) {
            return moving(query);
        }
        if (query.range().length().compareTo(maxRollupRange) > 0) {
            return Route.raw("range of " + query.range().length().toDays() + " days is over the "
                    + maxRollupRange.toDays() + "-day rollup limit");
        }
        Set<String> needed = neededDimensions(query);
        // coarsest first; then the fewest dimensions, whose datasource has the fewest rows (and sketches) to merge
        return catalog.windows().stream()
                .filter(w -> w.type() == WindowType.TUMBLING)
                .filter(w -> query.granularity().isMultipleOf(w.size()))
                .filter(w -> query.range().alignedTo(w.size()))
                .filter(w -> keptDimensions.get(w.name()).containsAll(needed))
                .max(Comparator.comparing(Window::size)
                        .thenComparing(w -> -keptDimensions.get(w.name()).size()))
                .map(w -> new Route(Target.ROLLUP, w.datasource(), w.name(), query.granularity().id()
                        + " buckets over a range aligned to " + w.name() + ": coarsest rollup that answers"
                        + (w.dimensions() == null ? "" : " (keeps " + String.join(", ", w.dimensions()) + ")")))
                .orElseGet(() -> Route.raw("range is not aligned to any rollup window"));
    }

    /** The dimensions a rollup must keep: those grouped or filtered, and event_type for metrics that filter on it. */
    private Set<String> neededDimensions(MetricQuery query) {
        Set<String> needed = new HashSet<>(query.dimensions());
        for (String name : query.metrics()) {
            Metric metric = catalog.metric(name).orElseThrow();
            if (metric.type() == MetricType.RATIO && (!metric.numerator().eventTypes().isEmpty()
                    || !metric.denominator().eventTypes().isEmpty())) {
                needed.add(EVENT_TYPE);
            }
        }
        return needed;
    }


    private Route moving(MetricQuery query) {
        Window window = catalog.windows().stream()
                .filter(w -> w.type() == WindowType.SLIDING && w.size().equals(query.moving()))
                .findFirst()
                .orElseThrow(() -> new BadQueryException("no sliding rollup of " + query.moving() + " in the catalog"));
        if (query.granularity().bucket().filter(window.slide()::equals).isEmpty()) {
            throw new BadQueryException("a moving " + query.moving() + " metric comes in steps of "
                    + window.slide() + ": use the granularity of that step");
        }
        if (query.range().length().compareTo(maxRollupRange) > 0 || !query.range().alignedTo(window.slide())) {
            throw new BadQueryException("a moving metric needs a range of at most " + maxRollupRange.toDays()
                    + " days aligned to " + window.slide());
        }
        return new Route(Target.ROLLUP, window.datasource(), window.name(),
                "moving " + query.moving() + " metric from the sliding window " + window.name());
    }
}
