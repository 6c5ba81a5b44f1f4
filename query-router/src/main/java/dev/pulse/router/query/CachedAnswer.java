package dev.pulse.router.query;

import tools.jackson.databind.util.RawValue;

/**
 * An answer from the cache: the rows are the JSON the cache holds, written out as they are. Reading them into maps
 * only to write them again cost more than the rest of a hit (an hourly chart over a week is 200 KB of rows).
 */
public record CachedAnswer(RawValue rows, QueryResponse.RouteInfo route, String cache, String queryId)
        implements QueryAnswer {
}
