package dev.pulse.stack.deploy;

import dev.pulse.model.Topics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every Pulse topic that does not exist yet (existing topics are left as they are). Partition counts: the
 * event topics get {@link #EVENT_PARTITIONS} so the clean and rollup jobs can read them in parallel; outputs read by
 * one Druid task get fewer; configuration topics are compacted.
 */
final class PulseTopics {

    static final int EVENT_PARTITIONS = 4;
    static final int OUTPUT_PARTITIONS = 1;

    private final String bootstrap;
    private final PrintStream out;

    PulseTopics(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    static List<NewTopic> all() {
        List<NewTopic> topics = new ArrayList<>();
        Topics.rawEventTopics().forEach(t -> topics.add(new NewTopic(t, EVENT_PARTITIONS, (short) 1)));
        topics.add(new NewTopic(Topics.EVENTS_CLEAN, EVENT_PARTITIONS, (short) 1));
        for (String t : List.of(Topics.EVENTS_DLQ, Topics.EVENTS_LATE, Topics.ROLLUPS_1M, Topics.ROLLUPS_5M,
                Topics.ROLLUPS_1H_SLIDING, Topics.ROLLUPS_PROGRESS, Topics.ALERTS_TRANSITIONS)) {
            topics.add(new NewTopic(t, OUTPUT_PARTITIONS, (short) 1));
        }
        for (String t : List.of(Topics.CONFIG_DASHBOARDS, Topics.CONFIG_ALERT_RULES, Topics.CONFIG_CHANNELS,
                Topics.CONFIG_DATASOURCE_VERSIONS, Topics.ALERTS_STATE)) {
            topics.add(new NewTopic(t, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        return topics;
    }

    void ensure() throws DeployException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all().stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                out.println("  topics: all " + all().size() + " Pulse topics exist");
                return;
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    out.println("  topics: created " + topic.name() + " (" + topic.numPartitions() + " partitions)");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // created meanwhile by someone else is fine; anything else is not
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DeployException("cannot create the Pulse topics on Kafka " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while creating topics", e);
        }
    }
}
