package dev.pulse.router.admin;

import dev.pulse.router.config.RouterProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the active datasource versions in a compacted topic with one key, so that a switch reaches every router
 * instance (each follows the topic from its start) and survives restarts. A switch is stored first and used after:
 * an instance never answers from versions the others will not see.
 */
public final class SharedVersions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedVersions.class);
    private static final String KEY = "active";
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    private final RouterProperties.Versions settings;
    private final DatasourceVersions versions;
    private final JsonMapper json;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread follower;
    private volatile boolean running = true;

    public SharedVersions(RouterProperties.Versions settings, DatasourceVersions versions, JsonMapper json) {
        this.settings = settings;
        this.versions = versions;
        this.json = json;
        this.partition = new TopicPartition(settings.topic(), 0);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // a switch is answered only once every replica has it
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        // one record now and then: send it at once, and give up within the write timeout (with one retry's room)
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.writeTimeout().toMillis());
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.writeTimeout().toMillis() / 2);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.writeTimeout().toMillis());
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // no group: every instance reads the whole (compacted) topic from the start
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "query-router-versions-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        this.follower = new Thread(this::follow, "datasource-versions");
        this.follower.setDaemon(true);
    }

    /** Creates the topic if absent and waits (bounded) until the stored mapping is active. */
    public void start() throws InterruptedException {
        createTopicIfAbsent();
        follower.start();
        if (!loaded.await(settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("could not read the stored datasource versions from {} within {}; serving with {} until it"
                    + " can", settings.topic(), settings.loadTimeout(), versions.active());
        }
    }

    /** Stores the mapping for every instance, then makes it active here. */
    public Map<String, String> publish(Map<String, String> mapping) {
        try {
            producer.send(new ProducerRecord<>(settings.topic(), 0, KEY, json.writeValueAsString(mapping)))
                    .get(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VersionsUnavailableException("interrupted while storing the switch; nothing was switched", e);
        } catch (Exception e) {
            throw new VersionsUnavailableException("Kafka did not store the switch within " + settings.writeTimeout()
                    + " (" + e.getClass().getSimpleName() + "); nothing was switched, retry", e);
        }
        return versions.activate(mapping);
    }

    private void createTopicIfAbsent() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrapServers(),
                "default.api.timeout.ms", (int) settings.loadTimeout().toMillis()))) {
            admin.createTopics(List.of(new NewTopic(settings.topic(), 1, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("could not create {} ({}); switches fail until Kafka has it", settings.topic(), e.toString());
            }
        }
    }

    private void follow() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (consumer.position(partition) >= end) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("stopped following {}; this instance keeps versions {}", settings.topic(), versions.active(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (!KEY.equals(record.key()) || record.value() == null) {
            return;
        }
        try {
            versions.activate(json.readValue(record.value(), MAPPING));
        } catch (RuntimeException e) {
            // a mapping this catalog does not know (an older or newer catalog wrote it): keep the current one
            log.warn("ignoring stored datasource versions at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        follower.join(5_000);
        producer.close(Duration.ofSeconds(2));
    }
}
