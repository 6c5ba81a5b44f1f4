package dev.pulse.router.query;

import dev.pulse.router.cache.CachedRows;

/**
 * An answer from the cache: the rows as Redis holds them (compressed), written out by {@code CachedAnswerConverter}
 * without reading them into maps; an hourly chart over a week by country is 195 KB of rows.
 */
public record CachedAnswer(CachedRows rows, QueryResponse.RouteInfo route, String cache, String queryId)
        implements QueryAnswer {
}
