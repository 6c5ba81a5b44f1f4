package dev.pulse.e2e.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Druid answers SQL through the Avatica JDBC driver, with bound parameters, from a real multi-service cluster. */
@ExtendWith(PulseStackExtension.class)
class DruidSmokeIT {

    private static Connection connect(StackAddresses stack) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sqlTimeZone", "Etc/UTC");
        return DriverManager.getConnection(stack.druidAvaticaUrl(), properties);
    }

    @Test
    void listsEveryServiceOfTheClusterThroughAvatica(StackAddresses stack) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection connection = connect(stack);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT server_type FROM sys.servers WHERE host = ? ORDER BY server_type")) {
            statement.setString(1, "localhost");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        assertThat(types).contains("broker", "coordinator", "historical", "indexer", "overlord", "router");
    }

    @Test
    void bindsParametersRatherThanConcatenating(StackAddresses stack) throws Exception {
        try (Connection connection = connect(stack);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, "sys");
            statement.setString(2, "servers");
            assertThat(tableNames(statement)).containsExactly("servers");

            statement.setString(2, "servers' OR '1'='1");
            assertThat(tableNames(statement)).isEmpty();
        }
    }

    private static List<String> tableNames(PreparedStatement statement) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
