package dev.pulse.router.druid;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** Runs SQL on Druid through the Avatica pools, with bound parameters, timing each query by route. */
public class DruidExecutor {

    private static final int FETCH_SIZE = 5_000;

    private final DruidPools pools;
    private final RunningQueries running;
    private final MeterRegistry meters;
    private final PreparedStatements statements = new PreparedStatements();

    public DruidExecutor(DruidPools pools, RunningQueries running, MeterRegistry meters) {
        this.pools = pools;
        this.running = running;
        this.meters = meters;
    }

    /**
     * @param route the tag of the latency timer: rollup, raw or sql
     * @return rows as column label to value; timestamps as ISO-8601 strings in UTC
     */
    public List<Map<String, Object>> query(QueryProfile profile, SqlQuery query, String queryId, String route) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try (Connection connection = pools.get(profile).getConnection()) {
            try {
                List<Map<String, Object>> rows = run(connection, query, queryId);
                outcome = "ok";
                return rows;
            } catch (SQLException | RuntimeException e) {
                statements.forget(connection);
                pools.discard(profile, connection);
                throw e;
            }
        } catch (SQLException e) {
            throw DruidErrors.classify(e);
        } finally {
            sample.stop(Timer.builder("pulse.query.druid.latency")
                    .description("time Druid took to answer, by route")
                    .tag("route", route).tag("outcome", outcome)
                    .publishPercentiles(0.5, 0.99)
                    .register(meters));
        }
    }

    private List<Map<String, Object>> run(Connection connection, SqlQuery query, String queryId) throws SQLException {
        // kept open for the next query with the same text (PreparedStatements); every parameter is set anew
        PreparedStatement statement = statements.prepare(connection, query.sql());
        for (int i = 0; i < query.parameters().size(); i++) {
            statement.setObject(i + 1, query.parameters().get(i));
        }
        statement.setFetchSize(FETCH_SIZE);
        running.started(queryId, statement);
        try (ResultSet rs = statement.executeQuery()) {
            return read(rs);
        } finally {
            running.finished(queryId);
        }
    }

    private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value;
                if (meta.getColumnType(i) == Types.TIMESTAMP) {
                    Timestamp ts = rs.getTimestamp(i, utc);
                    value = ts == null ? null : ts.toInstant().toString();
                } else {
                    value = rs.getObject(i);
                }
                row.put(meta.getColumnLabel(i), value);
            }
            rows.add(row);
        }
        return rows;
    }
}
