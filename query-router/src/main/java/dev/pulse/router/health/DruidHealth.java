package dev.pulse.router.health;

import dev.pulse.router.druid.DruidPools;
import dev.pulse.router.druid.QueryProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Druid answers SQL: without it the router can answer nothing but cached dashboards. */
@Component("druid")
class DruidHealth implements HealthIndicator {

    private final DruidPools pools;

    DruidHealth(DruidPools pools) {
        this.pools = pools;
    }

    @Override
    public Health health() {
        try (Connection connection = pools.get(QueryProfile.DASHBOARD).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
            return Health.up().build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
