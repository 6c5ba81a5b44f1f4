package dev.pulse.e2e.pipeline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/** The questions the pipeline tests ask Druid, over Avatica JDBC with bound parameters, for one run's tag. */
final class Druid implements AutoCloseable {

    private final Connection connection;

    Druid(String avaticaUrl) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sqlTimeZone", "Etc/UTC");
        connection = DriverManager.getConnection(avaticaUrl, properties);
    }

    long events(String datasource, String tag) throws Exception {
        return number("SELECT COALESCE(SUM(events), 0) FROM " + datasource + " WHERE platform = ?", tag).longValue();
    }

    double revenue(String datasource, String tag) throws Exception {
        return number("SELECT COALESCE(SUM(revenue), 0) FROM " + datasource + " WHERE platform = ?", tag).doubleValue();
    }

    long distinctUsers(String datasource, String tag) throws Exception {
        return number("SELECT APPROX_COUNT_DISTINCT_DS_HLL(users) FROM " + datasource + " WHERE platform = ?", tag)
                .longValue();
    }

    Map<String, Long> eventsByTypeAndCountry(String datasource, String tag) throws Exception {
        return grouped("SELECT event_type || '/' || country, SUM(events) FROM " + datasource
                + " WHERE platform = ? GROUP BY 1", tag, null);
    }

    long rawEvents(String tag, Instant from) throws Exception {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COUNT(*) FROM events_raw WHERE platform = ? AND TIMESTAMP_TO_MILLIS(__time) >= ?")) {
            s.setString(1, tag);
            s.setLong(2, from.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long rawEventsBefore(String tag, Instant before) throws Exception {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COUNT(*) FROM events_raw WHERE platform = ? AND TIMESTAMP_TO_MILLIS(__time) < ?")) {
            s.setString(1, tag);
            s.setLong(2, before.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Map<String, Long> rawEventsByTypeAndCountry(String tag, Instant from) throws Exception {
        return grouped("SELECT event_type || '/' || country, COUNT(*) FROM events_raw WHERE platform = ? AND TIMESTAMP_TO_MILLIS(__time) >= ?"
                + " GROUP BY 1", tag, from);
    }

    long rawDistinctUsers(String tag, Instant from) throws Exception {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT APPROX_COUNT_DISTINCT_DS_HLL(user_id) FROM events_raw WHERE platform = ? AND TIMESTAMP_TO_MILLIS(__time) >= ?")) {
            s.setString(1, tag);
            s.setLong(2, from.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Polls until the condition holds or the timeout passes; returns the last value either way. */
    <T> T await(Duration timeout, Check<T> check, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = check.value();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            value = check.value();
        }
        return value;
    }

    interface Check<T> {
        T value() throws Exception;
    }

    private Number number(String sql, String tag) throws Exception {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, tag);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? (Number) rs.getObject(1) : 0L;
            }
        } catch (java.sql.SQLException e) {
            if (datasourceNotFound(e)) {
                return 0L; // the datasource has no segment yet
            }
            throw e;
        }
    }

    private Map<String, Long> grouped(String sql, String tag, Instant from) throws Exception {
        Map<String, Long> result = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, tag);
            if (from != null) {
                s.setLong(2, from.toEpochMilli());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return result;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    /** Avatica's message says only "while preparing SQL"; Druid's reason travels in the server stack traces. */
    private static boolean datasourceNotFound(java.sql.SQLException e) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof org.apache.calcite.avatica.AvaticaSqlException avatica) {
            text += String.join("\n", avatica.getStackTraces());
        }
        return text.contains("not found");
    }
}
