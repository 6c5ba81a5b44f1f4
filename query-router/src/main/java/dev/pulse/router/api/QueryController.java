package dev.pulse.router.api;

import dev.pulse.router.druid.RunningQueries;
import dev.pulse.router.query.MetricQueryRequest;
import dev.pulse.router.query.MetricQueryService;
import dev.pulse.router.query.QueryAnswer;
import dev.pulse.router.query.QueryResponse;
import dev.pulse.router.sql.SqlQueryService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The query endpoints. Roles are checked by the token interceptor, errors mapped by {@link ProblemMapping}. */
@RestController
class QueryController {

    private final MetricQueryService metrics;
    private final SqlQueryService sql;
    private final RunningQueries running;

    QueryController(MetricQueryService metrics, SqlQueryService sql, RunningQueries running) {
        this.metrics = metrics;
        this.sql = sql;
        this.running = running;
    }

    @PostMapping("/v1/query/metrics")
    QueryAnswer metrics(@RequestBody MetricQueryRequest request) {
        return metrics.metrics(request);
    }

    @PostMapping("/v1/query/adhoc")
    QueryAnswer adhoc(@RequestBody MetricQueryRequest request) {
        return metrics.adhoc(request);
    }

    @PostMapping("/v1/query/sql")
    QueryResponse sql(@RequestBody SqlRequest request) {
        return sql.run(request.sql());
    }

    /** Cancels a running query by the id its caller got back or saw in the logs. */
    @DeleteMapping("/v1/query/{queryId}")
    ResponseEntity<Void> cancel(@PathVariable String queryId) {
        return running.cancel(queryId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Body of {@code POST /v1/query/sql}. */
    record SqlRequest(String sql) {
    }
}
