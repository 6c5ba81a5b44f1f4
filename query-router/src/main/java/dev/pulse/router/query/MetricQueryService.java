package dev.pulse.router.query;

import dev.pulse.router.admin.DatasourceVersions;
import dev.pulse.router.cache.CacheKey;
import dev.pulse.router.cache.CachedRows;
import dev.pulse.router.cache.CachePolicy;
import dev.pulse.router.cache.Coalescer;
import dev.pulse.router.cache.DataProgress;
import dev.pulse.router.cache.LocalAnswers;
import dev.pulse.router.cache.QueryCache;
import dev.pulse.router.druid.DatasourceMissingException;
import dev.pulse.router.druid.DruidExecutor;
import dev.pulse.router.druid.QueryProfile;
import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.routing.Route;
import dev.pulse.router.routing.Router;
import dev.pulse.router.routing.Target;
import dev.pulse.router.sql.MetricSqlBuilder;
import dev.pulse.router.sql.MetricValues;
import dev.pulse.router.sql.StoredCells;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers metric and ad-hoc queries: normalise, route, look in the cache, else ask Druid once for all
 * concurrent askers and keep the answer for the next ones.
 */
public class MetricQueryService {

    private final QueryNormaliser normaliser;
    private final Router router;
    private final MetricSqlBuilder sqlBuilder;
    private final StoredCells storedCells;
    private final MetricValues values;
    private final DatasourceVersions versions;
    private final DataProgress progress;
    private final QueryCache cache;
    private final LocalAnswers local;
    private final CachePolicy policy;
    private final int maxCachedBytes;
    private final Coalescer coalescer = new Coalescer();
    private final DruidExecutor druid;
    private final QueryMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    public MetricQueryService(QueryNormaliser normaliser, Router router, MetricSqlBuilder sqlBuilder,
                              StoredCells storedCells, MetricValues values, DatasourceVersions versions,
                              DataProgress progress, QueryCache cache, LocalAnswers local, CachePolicy policy,
                              int maxCachedBytes, DruidExecutor druid, QueryMetrics metrics, JsonMapper json, Clock clock) {
        this.normaliser = normaliser;
        this.router = router;
        this.sqlBuilder = sqlBuilder;
        this.storedCells = storedCells;
        this.values = values;
        this.versions = versions;
        this.progress = progress;
        this.cache = cache;
        this.local = local;
        this.policy = policy;
        this.maxCachedBytes = maxCachedBytes;
        this.druid = druid;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** A dashboard's metric query: rollup when the catalog allows it. */
    public QueryAnswer metrics(MetricQueryRequest request) {
        Instant now = clock.instant();
        MetricQuery query = normaliser.normalise(request, now);
        return answer(query, router.route(query), QueryProfile.DASHBOARD, now);
    }

    /** An analyst's ad-hoc query: any catalog dimension, always on raw events, at ad-hoc priority. */
    public QueryAnswer adhoc(MetricQueryRequest request) {
        Instant now = clock.instant();
        MetricQuery query = normaliser.normalise(request, now);
        if (query.moving() != null) {
            throw new BadQueryException("moving windows come from the rollups; use POST /v1/query/metrics");
        }
        return answer(query, new Route(Target.RAW, Route.RAW_DATASOURCE, null, "ad-hoc queries read raw events"),
                QueryProfile.ADHOC, now);
    }

    private QueryAnswer answer(MetricQuery query, Route route, QueryProfile profile, Instant now) {
        String queryId = UUID.randomUUID().toString();
        String physical = versions.physical(route.datasource());
        String target = route.target().name().toLowerCase(Locale.ROOT);
        metrics.routed(target, route.datasource());
        var info = new QueryResponse.RouteInfo(target, physical, route.reason());

        Instant dataProgress = route.target() == Target.ROLLUP
                ? progress.of(physical, route.datasource()).orElse(null)
                : progress.latest().orElse(null);
        String key = CacheKey.of(query, route, physical, CachePolicy.dataVersion(dataProgress, query.range()));
        // a negative size gate means the cache is switched off
        boolean cacheOn = maxCachedBytes >= 0;
        byte[] inMemory = cacheOn ? local.get(key) : null;
        if (inMemory != null) {
            metrics.cache("hit");
            metrics.localHit();
            return new CachedAnswer(CachedRows.of(inMemory), info, "hit", queryId);
        }
        QueryCache.Lookup lookup = cacheOn ? cache.get(key) : QueryCache.Lookup.bypass();
        if (lookup.status() == QueryCache.Lookup.Status.HIT) {
            local.put(key, lookup.value(), lookup.expiresAt());
            metrics.cache("hit");
            return new CachedAnswer(CachedRows.of(lookup.value()), info, "hit", queryId);
        }

        Coalescer.Outcome<List<Map<String, Object>>> outcome;
        try {
            outcome = coalescer.run(key, () -> {
                List<Map<String, Object>> rows = values.rows(query, ask(query, route, physical, profile, queryId));
                if (lookup.status() == QueryCache.Lookup.Status.MISS) {
                    store(key, rows, query, now);
                }
                return rows;
            });
        } catch (DatasourceMissingException e) {
            if (!e.datasource().equals(physical)) {
                throw e;
            }
            // Druid creates a datasource with its first segment: before any data a chart is empty, not an error
            metrics.cache("bypass");
            var empty = new QueryResponse.RouteInfo(target, physical, route.reason() + "; no data yet (Druid has no "
                    + physical + ")");
            return new QueryResponse(List.of(), empty, "bypass", queryId);
        }
        if (outcome.joined()) {
            metrics.coalesced();
        }
        String status = lookup.status() == QueryCache.Lookup.Status.MISS ? "miss" : "bypass";
        metrics.cache(status);
        return new QueryResponse(outcome.value(), info, status, queryId);
    }

    /** Druid's rows for the query: from the stored cells when each cell is one stored row, else grouped. */
    private List<Map<String, Object>> ask(MetricQuery query, Route route, String physical, QueryProfile profile,
                                          String queryId) {
        String target = route.target().name().toLowerCase(Locale.ROOT);
        Optional<SqlQuery> scan = storedCells.scan(query, route, physical);
        if (scan.isPresent()) {
            Optional<StoredCells.Scanned> scanned = storedCells.read(query,
                    druid.query(profile, scan.get(), queryId, target));
            if (scanned.isPresent() && scanned.get().regroup().isEmpty()) {
                metrics.storedCells("answered");
                return scanned.get().cells();
            }
            if (scanned.isPresent()) {
                metrics.storedCells("regrouped");
                SqlQuery regroup = sqlBuilder.build(query, route.target(), physical, scanned.get().regroup());
                return scanned.get().with(druid.query(profile, regroup, queryId, target));
            }
            metrics.storedCells("limit");
        }
        return druid.query(profile, sqlBuilder.build(query, route.target(), physical), queryId, target);
    }

    private void store(String key, List<Map<String, Object>> rows, MetricQuery query, Instant now) {
        byte[] bytes = json.writeValueAsBytes(rows);
        // big answers would crowd out the many small dashboard answers the cache is for
        if (bytes.length <= maxCachedBytes) {
            byte[] stored = CachedRows.compress(bytes).bytes();
            Instant expiresAt = now.plus(policy.ttl(query.range(), now));
            cache.put(key, stored, expiresAt);
            local.put(key, stored, expiresAt);
        }
    }
}
