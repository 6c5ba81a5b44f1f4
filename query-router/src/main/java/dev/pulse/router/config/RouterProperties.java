package dev.pulse.router.config;

import dev.pulse.router.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything the router is configured with ({@code pulse.router.*}); defaults in application.yml. */
@Validated
@ConfigurationProperties("pulse.router")
public record RouterProperties(
        /* path of the metric catalog; blank means $PULSE_CATALOG or the nearest catalog/metrics.yaml */
        String catalog,
        @Valid @NotNull Druid druid,
        @Valid @NotNull Cache cache,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Progress progress,
        @Valid @NotNull Versions versions,
        /* logical datasource -> physical (versioned) datasource at start; the admin endpoint changes it */
        Map<String, String> datasources,
        List<@Valid ApiToken> tokens) {

    public RouterProperties {
        datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /**
     * The Avatica endpoint and one connection pool per query profile (the query context is per connection).
     *
     * @param storedCells first ask for rollup cells that are single stored rows with a scan ({@code StoredCells});
     *                    false always runs the grouped query
     */
    public record Druid(@NotBlank String url, @Valid @NotNull Pool dashboard, @Valid @NotNull Pool adhoc,
                        boolean storedCells) {
    }

    /**
     * @param timeout  Druid's query timeout (its {@code timeout} context), past which the answer is 504
     * @param priority Druid's query priority; ad-hoc work runs below dashboards
     * @param lane     Druid query lane, if the broker defines lanes; blank for none
     */
    public record Pool(@Min(1) int size, @NotNull Duration timeout, int priority, String lane,
                       @NotNull Duration connectTimeout) {
    }

    /**
     * @param liveTtl        for ranges that reach the present (or ended less than settleAfter ago)
     * @param settledTtl     for ranges that ended before that
     * @param maxResultBytes results larger than this are not cached
     * @param retryAfter     how long Redis is left alone after a failure, so an outage costs no per-query timeout
     * @param localBytes     memory for the most used answers in this instance, in front of Redis; 0 for none
     */
    public record Cache(boolean enabled, @NotBlank String redisUri, @NotNull Duration liveTtl,
                        @NotNull Duration settledTtl, @NotNull Duration settleAfter, @Min(0) int maxResultBytes,
                        @NotNull Duration commandTimeout, @NotNull Duration retryAfter, @Min(0) long localBytes) {
    }

    /**
     * @param maxRollupRange longer ranges go to events_raw
     * @param defaultRows    rows returned when a query sets no limit
     * @param maxRows        the largest limit a metric or ad-hoc query may ask for
     * @param maxSqlRows     the outer limit forced onto analyst SQL
     */
    public record Limits(@NotNull Duration maxRollupRange, @Min(1) int defaultRows, @Min(1) int maxRows,
                         @Min(1) int maxSqlRows) {
    }

    /** The {@code rollups.progress} consumer that gives cache keys their data version. */
    public record Progress(boolean enabled, String bootstrapServers, @NotBlank String topic) {
    }

    /**
     * Where the active datasource versions are kept so that every router instance, and each restart, uses the same
     * ones: a compacted topic holding the latest mapping.
     *
     * @param shared      false keeps switches in this instance's memory only (tests that point one instance at
     *                    their own datasources)
     * @param loadTimeout how long a starting instance waits to read the stored mapping before serving with the
     *                    configured one
     */
    public record Versions(boolean shared, String bootstrapServers, @NotBlank String topic,
                           @NotNull Duration loadTimeout, @NotNull Duration writeTimeout) {
    }

    /** An API token and the role it carries. */
    public record ApiToken(@NotBlank String name, @NotBlank String token, @NotNull Role role) {
    }
}
