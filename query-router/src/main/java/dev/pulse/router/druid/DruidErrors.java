package dev.pulse.router.druid;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * Sorts a JDBC failure into down (503), timed out (504) or refused (400). Avatica reports Druid's errors as
 * text (with the server's stack traces), so the text is what there is to read.
 */
public final class DruidErrors {

    private DruidErrors() {
    }

    public static RuntimeException classify(SQLException failure) {
        String text = describe(failure).toLowerCase(Locale.ROOT);
        if (failure instanceof SQLTimeoutException || text.contains("querytimeoutexception")
                || text.contains("timed out") || text.contains("timeout") && text.contains("query")
                || hasCause(failure, SocketTimeoutException.class)) {
            return new DruidTimeoutException("Druid did not answer within the query timeout", failure);
        }
        if (failure instanceof SQLTransientConnectionException || hasCause(failure, ConnectException.class)
                || hasCause(failure, UnknownHostException.class) || hasCause(failure, NoRouteToHostException.class)
                || text.contains("connection refused") || text.contains("queryunsupported")
                || text.contains("capacity exceeded") || text.contains("too many")) {
            return new DruidUnavailableException("Druid is unavailable: " + firstLine(failure), failure);
        }
        return new DruidQueryException("Druid refused the query: " + druidMessage(failure), failure);
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            if (t instanceof AvaticaSqlException avatica) {
                avatica.getStackTraces().forEach(trace -> text.append(trace).append('\n'));
            }
        }
        return text.toString();
    }

    /** The first line of the server-side cause, which names Druid's own error. */
    static String druidMessage(SQLException failure) {
        if (failure instanceof AvaticaSqlException avatica && !avatica.getStackTraces().isEmpty()) {
            String trace = avatica.getStackTraces().get(avatica.getStackTraces().size() - 1);
            String first = trace.lines().findFirst().orElse(trace);
            return first.length() > 500 ? first.substring(0, 500) : first;
        }
        return firstLine(failure);
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
