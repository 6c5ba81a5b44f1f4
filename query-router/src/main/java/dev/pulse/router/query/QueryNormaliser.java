package dev.pulse.router.query;

import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.router.routing.Granularity;
import dev.pulse.router.routing.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a request against the catalog and puts it in normal form ({@link MetricQuery}). Only names that
 * the catalog defines get through, which is what lets the SQL builder use them as identifiers.
 */
public final class QueryNormaliser {

    static final int MAX_METRICS = 10;
    static final int MAX_GROUP_BY = 4;
    static final int MAX_FILTER_VALUES = 100;
    static final int MAX_VALUE_LENGTH = 256;

    private final MetricCatalog catalog;
    private final int defaultLimit;
    private final int maxLimit;

    public QueryNormaliser(MetricCatalog catalog, int defaultLimit, int maxLimit) {
        this.catalog = catalog;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public MetricQuery normalise(MetricQueryRequest request, Instant now) {
        List<String> metrics = metrics(request.metrics());
        Granularity granularity = granularity(request.granularity());
        TimeRange range = RangeResolver.resolve(request.range(), granularity, now);
        return new MetricQuery(metrics, range, granularity, filters(request.filters()), groupBy(request.groupBy()),
                limit(request.limit()), moving(request.moving()));
    }

    private List<String> metrics(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new BadQueryException("metrics must name at least one metric of GET /v1/catalog");
        }
        var distinct = new LinkedHashSet<>(requested);
        if (distinct.size() > MAX_METRICS) {
            throw new BadQueryException("at most " + MAX_METRICS + " metrics per query");
        }
        for (String name : distinct) {
            if (name == null || catalog.metric(name).isEmpty()) {
                throw new BadQueryException("unknown metric '" + name + "'; known: " + catalog.metrics().stream()
                        .map(m -> m.name()).toList());
            }
        }
        return new ArrayList<>(distinct);
    }

    private static Granularity granularity(String id) {
        if (id == null) {
            return Granularity.ALL;
        }
        return Granularity.of(id).orElseThrow(() -> new BadQueryException(
                "granularity must be one of minute, 5minute, hour, day, all; not '" + id + "'"));
    }

    private TreeMap<String, List<String>> filters(Map<String, List<String>> requested) {
        var filters = new TreeMap<String, List<String>>();
        if (requested == null) {
            return filters;
        }
        requested.forEach((dimension, values) -> {
            requireDimension("filters", dimension);
            if (values == null || values.isEmpty()) {
                throw new BadQueryException("filters." + dimension + " needs at least one value");
            }
            var sorted = new TreeSet<String>();
            for (String value : values) {
                if (value == null || value.length() > MAX_VALUE_LENGTH) {
                    throw new BadQueryException("filters." + dimension + " values must be strings of at most "
                            + MAX_VALUE_LENGTH + " characters");
                }
                sorted.add(value);
            }
            if (sorted.size() > MAX_FILTER_VALUES) {
                throw new BadQueryException("filters." + dimension + " takes at most " + MAX_FILTER_VALUES + " values");
            }
            filters.put(dimension, List.copyOf(sorted));
        });
        return filters;
    }

    private List<String> groupBy(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        var distinct = new LinkedHashSet<>(requested);
        if (distinct.size() > MAX_GROUP_BY) {
            throw new BadQueryException("groupBy takes at most " + MAX_GROUP_BY + " dimensions");
        }
        distinct.forEach(d -> requireDimension("groupBy", d));
        return new ArrayList<>(distinct);
    }

    private int limit(Integer requested) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new BadQueryException("limit must be between 1 and " + maxLimit);
        }
        return requested;
    }

    private static Duration moving(String moving) {
        if (moving == null) {
            return null;
        }
        try {
            return Duration.parse(moving);
        } catch (DateTimeParseException e) {
            throw new BadQueryException("moving must be an ISO-8601 duration such as PT1H");
        }
    }

    private void requireDimension(String field, String name) {
        if (name == null || catalog.dimension(name).isEmpty()) {
            throw new BadQueryException(field + ": unknown dimension '" + name + "'; known: "
                    + catalog.dimensions().stream().map(d -> d.name()).toList());
        }
    }
}
