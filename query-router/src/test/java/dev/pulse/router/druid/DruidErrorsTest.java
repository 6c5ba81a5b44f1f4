package dev.pulse.router.druid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DruidErrorsTest {

    @Test
    void unreachableDruidIsUnavailableEvenWhenThePoolSaysTimedOut() {
        assertThat(DruidErrors.classify(new SQLTransientConnectionException(
                "druid-dashboard - Connection is not available, request timed out after 1000ms")))
                .isInstanceOf(DruidUnavailableException.class);
        assertThat(DruidErrors.classify(new SQLException("Connection failed", new ConnectException("refused"))))
                .isInstanceOf(DruidUnavailableException.class);
    }

    @Test
    void druidsQueryTimeoutIsATimeout() {
        // the text Avatica relays from Druid, as seen against the local stack
        assertThat(DruidErrors.classify(new SQLException("Error -1 (00000) : Remote driver error:"
                + " QueryTimeoutException: Query[576e617c] url[http://localhost:8083/druid/v2/] timed out.")))
                .isInstanceOf(DruidTimeoutException.class);
    }

    @Test
    void anythingElseIsARefusedQuery() {
        RuntimeException refused = DruidErrors.classify(new SQLException(
                "Error -1 (00000) : while preparing SQL: SELECT nonexistent_column FROM events_raw"));
        assertThat(refused).isInstanceOf(DruidQueryException.class)
                .hasMessageStartingWith("Druid refused the query: ");
    }

    @Test
    void aTableDruidDoesNotKnowIsAMissingDatasourceWithItsName() {
        RuntimeException missing = DruidErrors.classify(new SQLException("Error -1 (00000) : while preparing SQL",
                new RuntimeException("QueryInterruptedException{msg=Object 'rollup_1m' not found (line [1], column"
                        + " [75]), code=Unknown exception}")));
        assertThat(missing).isInstanceOf(DatasourceMissingException.class);
        assertThat(((DatasourceMissingException) missing).datasource()).isEqualTo("rollup_1m");
        assertThat(DruidErrors.classify(new SQLException("Error -1 (00000) : Column 'x' not found in any table")))
                .isNotInstanceOf(DatasourceMissingException.class);
    }
}
