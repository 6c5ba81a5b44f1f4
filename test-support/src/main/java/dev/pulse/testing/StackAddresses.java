package dev.pulse.testing;

import dev.pulse.stack.config.StackConfig;

/**
 * Where the running stack's engines answer, for integration tests. Resolve it as a test parameter under
 * {@link PulseStackExtension}.
 */
public record StackAddresses(
        String kafkaBootstrap,
        String druidAvaticaUrl,
        String druidBrokerUrl,
        String druidCoordinatorUrl,
        String druidRouterUrl,
        String flinkRestUrl,
        String redisUri,
        String queryRouterUrl) {

    static StackAddresses of(StackConfig config) {
        var p = config.ports();
        return new StackAddresses(
                "localhost:" + p.kafka(),
                "jdbc:avatica:remote:url=http://localhost:" + p.druidBroker() + "/druid/v2/sql/avatica/"
                        + ";transparent_reconnection=true",
                "http://localhost:" + p.druidBroker(),
                "http://localhost:" + p.druidCoordinator(),
                "http://localhost:" + p.druidRouter(),
                "http://localhost:" + p.flinkRest(),
                "redis://localhost:" + p.redis(),
                "http://localhost:" + p.queryRouter());
    }
}
