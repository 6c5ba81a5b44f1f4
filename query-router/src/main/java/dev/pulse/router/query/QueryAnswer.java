package dev.pulse.router.query;

/** What a query endpoint answers: rows just computed, or rows the cache had, passed through as stored. */
public sealed interface QueryAnswer permits QueryResponse, CachedAnswer {

    QueryResponse.RouteInfo route();

    String cache();

    String queryId();
}
