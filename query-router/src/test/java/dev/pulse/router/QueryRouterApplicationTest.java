package dev.pulse.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.router.admin.DatasourceVersions;
import dev.pulse.router.security.ApiTokens;
import dev.pulse.router.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application context starts from application.yml with the local profile, without any engine
 * running: pools and the cache connect lazily, so the router comes up even before Druid and Redis.
 */
@SpringBootTest(properties = {"pulse.router.progress.enabled=false", "pulse.router.versions.shared=false",
        "pulse.router.druid.url=jdbc:avatica:remote:url=http://localhost:1/druid/v2/sql/avatica/",
        "pulse.router.cache.redis-uri=redis://localhost:1"})
@ActiveProfiles("local")
class QueryRouterApplicationTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    DatasourceVersions versions;

    @Test
    void startsWithTheDemoTokensAndTheCatalogDatasources() {
        assertThat(tokens.roleOf("pulse-demo-admin")).contains(Role.ADMIN);
        assertThat(versions.active()).containsKeys("events_raw", "rollup_1m", "rollup_5m", "rollup_1h_sliding");
    }
}
