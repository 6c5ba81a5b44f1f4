package dev.pulse.router.druid;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.router.config.RouterProperties;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One Avatica connection pool per {@link QueryProfile}. Druid fixes a connection's query context (timeout,
 * priority, lane) when it opens, so profiles cannot share connections. The pools together stay well under
 * the broker's 25 Avatica connections, which other services share.
 */
public final class DruidPools implements AutoCloseable {

    private final Map<QueryProfile, HikariDataSource> pools = new EnumMap<>(QueryProfile.class);

    public DruidPools(RouterProperties.Druid druid) {
        pools.put(QueryProfile.DASHBOARD, pool("druid-dashboard", druid.url(), druid.dashboard()));
        pools.put(QueryProfile.ADHOC, pool("druid-adhoc", druid.url(), druid.adhoc()));
    }

    public DataSource get(QueryProfile profile) {
        return pools.get(profile);
    }

    /**
     * Closes a connection instead of giving it back. Druid 33 keeps a statement open on the broker when preparing
     * one fails (an unknown column, a missing datasource), and refuses every statement on a connection holding four
     * ("Too many open statements, limit is 4"): a connection that saw an error is not used again.
     */
    public void discard(QueryProfile profile, Connection connection) {
        pools.get(profile).evictConnection(connection);
    }

    private static HikariDataSource pool(String name, String url, RouterProperties.Pool settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDriverClassName("org.apache.calcite.avatica.remote.Driver");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(settings.size());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        // start even when Druid is down: queries answer 503 until it is back
        config.setInitializationFailTimeout(-1);
        // Avatica connections are HTTP sessions on the broker, which expires idle ones
        config.setIdleTimeout(60_000);
        config.setMaxLifetime(300_000);
        config.setKeepaliveTime(0);
        // connection properties become Druid's query context for every statement on the connection
        config.addDataSourceProperty("sqlTimeZone", "Etc/UTC");
        config.addDataSourceProperty("timeout", Long.toString(settings.timeout().toMillis()));
        config.addDataSourceProperty("priority", Integer.toString(settings.priority()));
        if (settings.lane() != null && !settings.lane().isBlank()) {
            config.addDataSourceProperty("lane", settings.lane());
        }
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
    }
}
