package dev.pulse.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class PulseTopicsTest {

    @Test
    void createsEveryTopicNamedInTopicsOnce() throws Exception {
        List<String> named = Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().equals("EVENTS_PREFIX"))
                .map(PulseTopicsTest::value).toList();
        List<String> created = PulseTopics.all().stream().map(NewTopic::name).toList();

        assertThat(created).doesNotHaveDuplicates().containsAll(named).containsAll(Topics.rawEventTopics());
    }

    @Test
    void configurationTopicsAreCompactedAndEventTopicsPartitionedForParallelReaders() {
        assertThat(PulseTopics.all()).filteredOn(t -> t.name().startsWith("config."))
                .isNotEmpty().allSatisfy(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
        assertThat(PulseTopics.all()).filteredOn(t -> Topics.rawEventTopics().contains(t.name()))
                .allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(PulseTopics.EVENT_PARTITIONS));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
