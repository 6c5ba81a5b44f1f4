package dev.pulse.router.druid;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements in flight by the router's query id. A pooled Avatica connection cannot carry a per-query
 * {@code sqlQueryId}, so cancellation goes through {@link Statement#cancel()}, which Avatica forwards to Druid.
 */
public final class RunningQueries {

    private final Map<String, Statement> running = new ConcurrentHashMap<>();

    void started(String queryId, Statement statement) {
        running.put(queryId, statement);
    }

    void finished(String queryId) {
        running.remove(queryId);
    }

    /** Cancels a running query; false when no query with that id is running. */
    public boolean cancel(String queryId) {
        Statement statement = running.remove(queryId);
        if (statement == null) {
            return false;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the statement finished or its connection broke meanwhile: either way it no longer runs
        }
        return true;
    }
}
