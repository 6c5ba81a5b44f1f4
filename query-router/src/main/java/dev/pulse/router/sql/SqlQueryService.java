package dev.pulse.router.sql;

import dev.pulse.router.admin.DatasourceVersions;
import dev.pulse.router.druid.DruidExecutor;
import dev.pulse.router.druid.QueryProfile;
import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.QueryResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Runs analyst SQL: admitted by {@link SqlStatementCheck}, limited, at ad-hoc priority, never cached. */
public class SqlQueryService {

    private final DatasourceVersions versions;
    private final DruidExecutor druid;
    private final int maxRows;

    public SqlQueryService(DatasourceVersions versions, DruidExecutor druid, int maxRows) {
        this.versions = versions;
        this.druid = druid;
        this.maxRows = maxRows;
    }

    public QueryResponse run(String sql) {
        Set<String> readable = new TreeSet<>(versions.active().keySet());
        readable.addAll(versions.activePhysical());
        SqlQuery admitted = SqlStatementCheck.admit(sql, readable, maxRows);
        String queryId = UUID.randomUUID().toString();
        List<Map<String, Object>> rows = druid.query(QueryProfile.ADHOC, admitted, queryId, "sql");
        return new QueryResponse(rows, new QueryResponse.RouteInfo("sql", "", "analyst SQL, at most " + maxRows
                + " rows"), "bypass", queryId);
    }
}
