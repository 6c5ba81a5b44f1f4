package dev.pulse.router.query;

/**
 * An answer from the cache: {@code rows} is the UTF-8 JSON array the cache holds, written out as it is (by
 * {@code CachedAnswerConverter}). Reading it into maps only to write it again cost more than the rest of a hit (an
 * hourly chart over a week by country is 195 KB of rows).
 */
public record CachedAnswer(byte[] rows, QueryResponse.RouteInfo route, String cache, String queryId)
        implements QueryAnswer {
}
