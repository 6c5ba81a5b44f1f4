package dev.pulse.router.druid;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * Sorts a JDBC failure into down (503), timed out (504) or refused (400). Avatica reports Druid's errors as
 * text (with the server's stack traces), so the text is what there is to read.
 */
public final class DruidErrors {

    /** Druid's planner naming a table it does not know (Calcite's message, as Druid 33 passes it on). */
    private static final Pattern MISSING_OBJECT = Pattern.compile("Object '([^']+)' not found");

    private DruidErrors() {
    }

    public static RuntimeException classify(SQLException failure) {
        String description = describe(failure);
        String text = description.toLowerCase(Locale.ROOT);
        // a pool that cannot hand out a connection says "timed out" too: unreachable comes first
        if (failure instanceof SQLTransientConnectionException || hasCause(failure, ConnectException.class)
                || hasCause(failure, UnknownHostException.class) || hasCause(failure, NoRouteToHostException.class)
                || text.contains("connection refused") || text.contains("queryunsupported")
                || text.contains("query capacity exceeded")) {
            return new DruidUnavailableException("Druid is unavailable: " + firstLine(failure), failure);
        }
        if (failure instanceof SQLTimeoutException || text.contains("querytimeoutexception")
                || text.contains("query timeout") || text.contains("query timed out")
                || hasCause(failure, SocketTimeoutException.class)) {
            return new DruidTimeoutException("Druid did not answer within the query timeout", failure);
        }
        String message = "Druid refused the query: " + druidMessage(failure);
        Matcher missing = MISSING_OBJECT.matcher(description);
        if (missing.find()) {
            return new DatasourceMissingException(missing.group(1), message, failure);
        }
        return new DruidQueryException(message, failure);
    }

    /** The messages of the failure, its causes and the first line of each server-side trace; not whole traces. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            if (t instanceof AvaticaSqlException avatica) {
                avatica.getStackTraces().forEach(trace -> text.append(trace.lines().findFirst().orElse(""))
                        .append('\n'));
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
