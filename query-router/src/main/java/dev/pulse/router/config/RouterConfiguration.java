package dev.pulse.router.config;

import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.router.admin.DatasourceVersions;
import dev.pulse.router.admin.SharedVersions;
import dev.pulse.router.cache.CachePolicy;
import dev.pulse.router.cache.DataProgress;
import dev.pulse.router.cache.LocalAnswers;
import dev.pulse.router.cache.ProgressConsumer;
import dev.pulse.router.cache.QueryCache;
import dev.pulse.router.druid.DruidExecutor;
import dev.pulse.router.druid.DruidPools;
import dev.pulse.router.druid.RunningQueries;
import dev.pulse.router.query.MetricQueryService;
import dev.pulse.router.query.QueryMetrics;
import dev.pulse.router.query.QueryNormaliser;
import dev.pulse.router.routing.Router;
import dev.pulse.router.security.ApiTokens;
import dev.pulse.router.sql.MetricSqlBuilder;
import dev.pulse.router.sql.StoredCells;
import dev.pulse.router.sql.MetricValues;
import dev.pulse.router.sql.SqlQueryService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Builds the router's parts from {@link RouterProperties}; the parts themselves know nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MetricCatalog metricCatalog(RouterProperties properties, Environment environment) {
        if (properties.catalog() != null && !properties.catalog().isBlank()) {
            return CatalogLoader.load(Path.of(properties.catalog()));
        }
        // the launcher passes -Dpulse.home=<repository root>; tests and IDEs run inside the repository
        String home = environment.getProperty("pulse.home");
        if (home != null && System.getenv(CatalogLoader.LOCATION_VARIABLE) == null) {
            return CatalogLoader.load(Path.of(home).resolve(CatalogLoader.DEFAULT_LOCATION));
        }
        return CatalogLoader.loadDefault();
    }

    @Bean
    ApiTokens apiTokens(RouterProperties properties, Environment environment) {
        return new ApiTokens(properties.tokens(), Arrays.asList(environment.getActiveProfiles()));
    }

    @Bean
    DatasourceVersions datasourceVersions(MetricCatalog catalog, RouterProperties properties) {
        return new DatasourceVersions(catalog, properties.datasources());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "pulse.router.versions", name = "shared", havingValue = "true")
    SharedVersions sharedVersions(RouterProperties properties, DatasourceVersions versions, JsonMapper json)
            throws InterruptedException {
        SharedVersions shared = new SharedVersions(properties.versions(), versions, json);
        shared.start();
        return shared;
    }

    @Bean(destroyMethod = "close")
    DruidPools druidPools(RouterProperties properties) {
        return new DruidPools(properties.druid());
    }

    @Bean
    RunningQueries runningQueries() {
        return new RunningQueries();
    }

    @Bean
    DruidExecutor druidExecutor(DruidPools pools, RunningQueries running, MeterRegistry meters) {
        return new DruidExecutor(pools, running, meters);
    }

    @Bean(destroyMethod = "close")
    QueryCache queryCache(RouterProperties properties, Clock clock) {
        RouterProperties.Cache cache = properties.cache();
        return new QueryCache(cache.redisUri(), cache.commandTimeout(), cache.retryAfter(), clock);
    }

    @Bean
    DataProgress dataProgress(MetricCatalog catalog) {
        return DataProgress.forCatalog(catalog);
    }

    @Bean(destroyMethod = "close")
    ProgressConsumer progressConsumer(RouterProperties properties, DataProgress progress) {
        ProgressConsumer consumer = new ProgressConsumer(properties.progress().bootstrapServers(),
                properties.progress().topic(), progress);
        if (properties.progress().enabled()) {
            consumer.start();
        }
        return consumer;
    }

    @Bean
    MetricQueryService metricQueryService(MetricCatalog catalog, RouterProperties properties,
                                          DatasourceVersions versions, DataProgress progress, QueryCache cache,
                                          DruidExecutor druid, MeterRegistry meters, JsonMapper json, Clock clock) {
        RouterProperties.Limits limits = properties.limits();
        RouterProperties.Cache cacheSettings = properties.cache();
        MetricSqlBuilder sqlBuilder = new MetricSqlBuilder(catalog);
        return new MetricQueryService(
                new QueryNormaliser(catalog, limits.defaultRows(), limits.maxRows()),
                new Router(catalog, limits.maxRollupRange()),
                sqlBuilder, new StoredCells(catalog, sqlBuilder, properties.druid().storedCells()),
                new MetricValues(catalog),
                versions, progress, cache, new LocalAnswers(cacheSettings.localBytes(), clock),
                new CachePolicy(cacheSettings.liveTtl(), cacheSettings.settledTtl(), cacheSettings.settleAfter()),
                cacheSettings.enabled() ? cacheSettings.maxResultBytes() : -1,
                druid, new QueryMetrics(meters), json, clock);
    }

    @Bean
    SqlQueryService sqlQueryService(DatasourceVersions versions, DruidExecutor druid, RouterProperties properties) {
        return new SqlQueryService(versions, druid, properties.limits().maxSqlRows());
    }
}
