package dev.pulse.ingest.kafka;

import dev.pulse.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics the service writes (one per event family and the DLQ) when they are absent. Another
 * service or a deploy step may create them at the same moment, so "already exists" is success.
 */
final class TopicSetup {

    private final int partitions;
    private final short replicationFactor;

    TopicSetup(int partitions, short replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.rawEventTopics());
        topics.add(Topics.EVENTS_DLQ);
        return topics;
    }

    /** @return the topics it created (empty when all existed) */
    List<String> ensure(Admin admin, long timeoutMillis) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
        List<String> created = new ArrayList<>();
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }
}
