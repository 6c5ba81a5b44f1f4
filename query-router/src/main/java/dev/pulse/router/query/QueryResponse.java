package dev.pulse.router.query;

import java.util.List;
import java.util.Map;

/**
 * What a query answers.
 *
 * @param route   where the answer came from and why
 * @param cache   hit, miss or bypass (Redis unusable, or not a cached kind of query)
 * @param queryId the id of this request, for logs and {@code DELETE /v1/query/{id}}
 */
public record QueryResponse(List<Map<String, Object>> rows, RouteInfo route, String cache, String queryId)
        implements QueryAnswer {

    /** @param target rollup, raw or sql */
    public record RouteInfo(String target, String datasource, String reason) {
    }
}
