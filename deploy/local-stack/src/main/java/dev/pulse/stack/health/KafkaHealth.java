package dev.pulse.stack.health;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Healthy when the broker answers a metadata request and its controller is elected. */
public final class KafkaHealth implements HealthCheck {

    private final String bootstrap;

    public KafkaHealth(int port) {
        this.bootstrap = "localhost:" + port;
    }

    @Override
    public Health check() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // a probe must answer quickly; the admin client would otherwise retry for a minute
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RETRIES_CONFIG, 0);
        try (Admin admin = Admin.create(config)) {
            var cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            boolean controller = cluster.controller().get(3, TimeUnit.SECONDS) != null;
            return brokers > 0 && controller ? Health.up() : Health.down("no broker registered yet");
        } catch (ExecutionException | TimeoutException e) {
            return Health.down("no answer on " + bootstrap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }
}
