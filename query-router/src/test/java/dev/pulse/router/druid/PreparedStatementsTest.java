package dev.pulse.router.druid;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedStatementsTest {

    /** A statement that knows whether it was closed; nothing else is called on it here. */
    private static final class Prepared {
        final String sql;
        boolean closed;
        final PreparedStatement statement;

        Prepared(String sql) {
            this.sql = sql;
            this.statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        case "isClosed" -> closed;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** A physical connection that records what it prepared, behind a pool proxy that unwraps to it. */
    private static final class FakeConnection {
        final List<Prepared> prepared = new ArrayList<>();
        boolean closed;
        final Connection physical = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> {
                        Prepared p = new Prepared((String) args[0]);
                        prepared.add(p);
                        yield p.statement;
                    }
                    case "isClosed" -> closed;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        final Connection pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "unwrap" -> physical;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final PreparedStatements statements = new PreparedStatements();

    @Test
    void theSameTextOnTheSameConnectionIsPreparedOnce() throws Exception {
        FakeConnection connection = new FakeConnection();
        PreparedStatement first = statements.prepare(connection.pooled, "SELECT 1");
        PreparedStatement again = statements.prepare(connection.pooled, "SELECT 1");
        assertThat(again).isSameAs(first);
        assertThat(connection.prepared).hasSize(1);

        FakeConnection other = new FakeConnection();
        statements.prepare(other.pooled, "SELECT 1");
        assertThat(other.prepared).as("statements belong to their connection").hasSize(1);
    }

    @Test
    void aConnectionKeepsAtMostThreeTheLeastRecentlyUsedClosedFirst() throws Exception {
        FakeConnection connection = new FakeConnection();
        statements.prepare(connection.pooled, "a");
        statements.prepare(connection.pooled, "b");
        statements.prepare(connection.pooled, "c");
        statements.prepare(connection.pooled, "a"); // b is now the least recently used
        statements.prepare(connection.pooled, "d");

        assertThat(connection.prepared).extracting(p -> p.sql).containsExactly("a", "b", "c", "d");
        assertThat(connection.prepared).extracting(p -> p.closed).containsExactly(false, true, false, false);
        assertThat(connection.prepared.stream().filter(p -> !p.closed)).as("Druid refuses a fifth").hasSize(3);
    }

    @Test
    void aForgottenOrClosedConnectionPreparesAfresh() throws Exception {
        FakeConnection connection = new FakeConnection();
        statements.prepare(connection.pooled, "a");
        statements.forget(connection.pooled);
        statements.prepare(connection.pooled, "a");
        assertThat(connection.prepared).hasSize(2);

        FakeConnection retired = new FakeConnection();
        statements.prepare(retired.pooled, "a");
        retired.closed = true;
        statements.prepare(new FakeConnection().pooled, "a");
        retired.closed = false; // would it still hand out the statement it kept? no: forgotten when the other came
        statements.prepare(retired.pooled, "a");
        assertThat(retired.prepared).as("a closed connection is dropped when another comes").hasSize(2);
    }
}
