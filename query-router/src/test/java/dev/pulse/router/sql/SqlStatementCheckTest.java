package dev.pulse.router.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.BadQueryException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStatementCheckTest {

    private static final Set<String> PULSE = Set.of("events_raw", "rollup_1m", "rollup_5m", "rollup_1h_sliding");

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT COUNT(*) FROM events_raw",
            "SELECT country, SUM(events) FROM rollup_5m WHERE __time >= TIMESTAMP '2026-11-01 00:00:00' GROUP BY 1",
            "select \"country\", APPROX_COUNT_DISTINCT_DS_HLL(\"users\") from \"druid\".\"rollup_1m\" group by 1 order by 2 desc",
            "SELECT TIME_FLOOR(__time, 'PT1H') AS h, COUNT(*) FROM events_raw GROUP BY 1 ORDER BY 1 LIMIT 10",
            "WITH de AS (SELECT * FROM events_raw WHERE country = 'DE') SELECT COUNT(*) FROM de",
            "SELECT a.country FROM rollup_1m a JOIN rollup_5m b ON a.country = b.country",
            "SELECT country FROM events_raw WHERE user_id IN (SELECT user_id FROM events_raw WHERE event_type = 'transaction')",
            "SELECT 1 FROM events_raw UNION ALL SELECT 2 FROM rollup_1m",
            "SELECT COUNT(*) FROM events_raw;",
            "SELECT COUNT(*) FROM events_raw -- a comment, '; DROP TABLE x' is inside it",
            "SELECT COUNT(*) /* a block comment; with a semicolon */ FROM events_raw",
    })
    void admitsOneReadOnlyQueryOverPulseDatasources(String sql) {
        SqlQuery admitted = SqlStatementCheck.admit(sql, PULSE, 500);
        assertThat(admitted.sql()).startsWith("SELECT * FROM (\n").endsWith("\n) LIMIT ?");
        assertThat(admitted.parameters()).isEqualTo(List.of(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "DROP TABLE events_raw",
            "DELETE FROM events_raw WHERE 1 = 1",
            "INSERT INTO events_raw SELECT * FROM events_raw",
            "UPDATE events_raw SET country = 'DE'",
            "CREATE TABLE t AS SELECT * FROM events_raw",
            "SELECT 1 FROM events_raw; DROP TABLE events_raw",
            "SELECT 1 FROM events_raw; SELECT 2 FROM events_raw",
            "SELECT 1 FROM events_raw /* hide */; DELETE FROM events_raw",
            "SELECT 1 FROM events_raw --\n; DROP TABLE events_raw",
            "SELECT * FROM sys.segments",
            "SELECT * FROM INFORMATION_SCHEMA.TABLES",
            "SELECT * FROM information_schema.columns",
            "SELECT * FROM events_raw WHERE country IN (SELECT server FROM sys.servers)",
            "SELECT * FROM lookup.countries",
            "SELECT * FROM wikipedia",
            "SELECT * FROM druid.wikipedia",
            "SELECT * FROM TABLE(EXTERN('{}', '{}', '[]'))",
            "EXPLAIN PLAN FOR SELECT * FROM events_raw",
            "SELECT * FROM events_raw WHERE",
            "SELECT * FROM events_raw; -- trailing comment after the semicolon",
    })
    void refusesEverythingElse(String sql) {
        assertThatThrownBy(() -> SqlStatementCheck.admit(sql, PULSE, 500)).isInstanceOf(BadQueryException.class);
    }
}
