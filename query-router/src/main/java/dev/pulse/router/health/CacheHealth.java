package dev.pulse.router.health;

import dev.pulse.router.cache.QueryCache;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Redis state. Always UP: without Redis the router answers, only slower, so it is a detail, not an outage. */
@Component("cache")
class CacheHealth implements HealthIndicator {

    private final QueryCache cache;

    CacheHealth(QueryCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("redis", cache.available() ? "connected" : "unavailable, answering uncached")
                .build();
    }
}
