package dev.pulse.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster every {@code interval} whether it answers, so that health turns DOWN and requests get an
 * immediate 503 while Kafka is away instead of each waiting out the ack timeout. Once the cluster answers it also
 * makes sure the topics exist (the service may start before Kafka does).
 */
final class KafkaProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaProbe.class);

    private final Admin admin;
    private final TopicSetup topicSetup;
    private final long timeoutMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean reachable;
    private volatile boolean topicsReady;
    private volatile String problem = "not checked yet";

    KafkaProbe(Admin admin, TopicSetup topicSetup, Duration interval) {
        this.admin = admin;
        this.topicSetup = topicSetup;
        this.timeoutMillis = Math.max(1000, interval.toMillis());
        check();
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean reachable() {
        return reachable;
    }

    boolean topicsReady() {
        return topicsReady;
    }

    String problem() {
        return problem;
    }

    private void check() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis)).nodes()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!topicsReady) {
                List<String> created = topicSetup.ensure(admin, timeoutMillis);
                if (!created.isEmpty()) {
                    log.info("created topics {}", created);
                }
                topicsReady = true;
            }
            if (!reachable) {
                log.info("Kafka is reachable");
            }
            reachable = true;
            problem = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (reachable || problem == null || problem.startsWith("not checked")) {
                log.warn("Kafka is unreachable: {}", e.toString());
            }
            reachable = false;
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
