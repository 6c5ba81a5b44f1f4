package dev.pulse.flink.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulse.flink.clean.CleanJob;
import dev.pulse.flink.clean.CleanJobConfig;
import dev.pulse.flink.config.Checkpointing;
import dev.pulse.flink.kafka.PulseKafka;
import dev.pulse.flink.rollup.RollupJob;
import dev.pulse.flink.rollup.RollupJobConfig;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.model.Topics;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Replay throughput of the clean and rollup jobs over a Kafka backlog, beside a plain Kafka consumer reading the
 * same backlog (the ceiling). Not a test (no assertion on time): run it by name against the local Kafka:
 * {@code mvn -pl flink-jobs test -Dtest=ReplayThroughputBenchmark -Dbench.events=5000000}.
 * It writes only to its own topics ({@code <topic>.bench-<id>}) and deletes them afterwards. The jobs run in this
 * JVM's local Flink (MiniCluster; parallelism 1 as on the local stack, or {@code -Dbench.parallelism}), with the
 * production topology, sources and exactly-once sinks: each alone, one after the other, and then both at once as
 * the pipeline runs ({@code -Dbench.sequential=false} skips the first). A warm-up backlog ({@code -Dbench.warmup-events}, 500,000) goes through both jobs first, unmeasured, so that the
 * measured replay runs on compiled code; 0 measures a cold JVM. The JVM has the local stack TaskManager's heap
 * options, huge pages and the parallel collector (this module's {@code argLine}; {@code -DargLine} replaces them), and
 * the jobs their own checkpoint interval unless {@code -Dbench.checkpoint-interval} is given. Checkpoint
 * directories are deleted with the topics.
 */
class ReplayThroughputBenchmark {

    private static final String BOOTSTRAP = System.getProperty("bench.bootstrap", "localhost:9092");
    private static final long EVENTS = Long.getLong("bench.events", 5_000_000);
    private static final long WARMUP_EVENTS = Long.getLong("bench.warmup-events", 500_000);
    /** as the local stack runs the jobs ({@code PipelineDeploy.LOCAL_PARALLELISM}); runs before 2026-12-02 11:00 used 2 */
    private static final int PARALLELISM = Integer.getInteger("bench.parallelism", 1);
    /** the jobs' --checkpoint-interval; by default theirs (2 s), as the stack runs them */
    private static final String CHECKPOINT_INTERVAL = System.getProperty("bench.checkpoint-interval");
    private static final String[] TYPES = {"page_view", "page_view", "page_view", "click", "click", "transaction", "signup"};
    private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP", "IN", "GB", "ES", "IT", "NL"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final String[] PLATFORMS = {"web", "ios", "android"};

    /** false: only both jobs at once, without each job alone first (for profiling that one) */
    private static final boolean SEQUENTIAL = Boolean.parseBoolean(System.getProperty("bench.sequential", "true"));
    /** The suffix of an earlier run's topics: replays only its events.clean backlog through the rollup job. */
    private static final String REUSE = System.getProperty("bench.reuse");
    /** more options for each job, such as {@code -Dbench.clean-args="--replay-max-drift 1m"} */
    private static final List<String> CLEAN_ARGS = words(System.getProperty("bench.clean-args", ""));
    private static final List<String> ROLLUP_ARGS = words(System.getProperty("bench.rollup-args", ""));
    /** false: a backlog without the canonical header, so the clean job parses and re-writes every event. */
    private static final boolean CANONICAL_BACKLOG = Boolean.parseBoolean(System.getProperty("bench.canonical", "true"));
    private static final List<Header> CANONICAL = CANONICAL_BACKLOG
            ? List.of(new RecordHeader(CanonicalEvent.HEADER, CanonicalEvent.headerValue())) : List.of();

    @Test
    void replay() throws Exception {
        if (REUSE != null) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
                try {
                    replayRollup(REUSE, -1);
                } finally {
                    admin.deleteTopics(topics(REUSE)).all().get(120, TimeUnit.SECONDS);
                    deleteCheckpoints();
                }
            }
            return;
        }
        if (WARMUP_EVENTS > 0) {
            // the same jobs over a small backlog first, so that the measured replay runs on compiled code, as on a
            // TaskManager that has been running: without it the JIT compiler took a third of the JVM's CPU
            log("warm-up: %,d events through both jobs, not measured", WARMUP_EVENTS);
            withTopics(suffix -> {
                produce(suffix, WARMUP_EVENTS);
                runClean(suffix, WARMUP_EVENTS);
                replayRollup(suffix, WARMUP_EVENTS);
            });
        }
        withTopics(this::run);
    }

    private interface BenchmarkPhase {
        void run(String suffix) throws Exception;
    }

    private interface MeasuredPhase {
        double run(String suffix) throws Exception;
    }

    /** Runs the phase on topics of a new suffix, deleted afterwards; returns what the phase measured. */
    private static double measuredWithTopics(MeasuredPhase phase) throws Exception {
        double[] measured = new double[1];
        withTopics(suffix -> measured[0] = phase.run(suffix));
        return measured[0];
    }

    /** Runs the phase on topics of a new suffix, deleted afterwards. */
    private static void withTopics(BenchmarkPhase phase) throws Exception {
        String suffix = ".bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = topics(suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, t.contains(".clean") || isRaw(t) ? 4 : 1, (short) 1))
                    .toList()).all().get(60, TimeUnit.SECONDS);
            try {
                phase.run(suffix);
            } finally {
                admin.deleteTopics(topics).all().get(120, TimeUnit.SECONDS);
                deleteCheckpoints();
            }
        }
    }

    private void run(String suffix) throws Exception {
        long t0 = System.nanoTime();
        long bytes = produce(suffix, EVENTS);
        double produceSeconds = seconds(t0);
        log("produced %,d events (%,d MB) in %.1f s: %,.0f/s", EVENTS, bytes >> 20, produceSeconds, EVENTS / produceSeconds);

        t0 = System.nanoTime();
        Read ceiling = consumeAll(Topics.rawEventTopics().stream().map(t -> t + suffix).toList());
        long consumed = ceiling.records();
        double ceilingSeconds = (ceiling.lastRecordNanos() - t0) / 1e9;
        log("plain consumer: %,d records in %.1f s: %,.0f/s", consumed, ceilingSeconds, consumed / ceilingSeconds);

        double cleanSeconds = SEQUENTIAL ? runClean(suffix, EVENTS) : Double.NaN;
        double rollupSeconds = SEQUENTIAL ? replayRollup(suffix, EVENTS) : Double.NaN;
        double pipeline = EVENTS / (cleanSeconds + rollupSeconds);
        double together = EVENTS / measuredWithTopics(outputs -> runTogether(suffix, outputs));
        log("RESULT events=%d ceiling=%.0f/s clean=%.0f/s rollup=%.0f/s clean+rollup=%.0f/s ratio=%.2f together=%.0f/s together-ratio=%.2f cores=%d checkpoints=%s warmup=%d canonical=%s clean-args=%s rollup-args=%s",
                EVENTS, consumed / ceilingSeconds, EVENTS / cleanSeconds, EVENTS / rollupSeconds, pipeline,
                pipeline / (consumed / ceilingSeconds), together, together / (consumed / ceilingSeconds),
                Runtime.getRuntime().availableProcessors(),
                CHECKPOINT_INTERVAL == null ? "the jobs' default" : CHECKPOINT_INTERVAL, WARMUP_EVENTS,
                CANONICAL_BACKLOG, CLEAN_ARGS, ROLLUP_ARGS);
    }

    private static List<String> checkpointArgs() {
        return CHECKPOINT_INTERVAL == null ? List.of() : List.of("--checkpoint-interval", CHECKPOINT_INTERVAL);
    }

    /** Runs the clean job over the suffix's raw backlog; returns its wall time. */
    private static double runClean(String suffix, long events) throws Exception {
        List<String> args = new ArrayList<>(List.of("--bootstrap", BOOTSTRAP, "--topic-suffix", suffix));
        args.addAll(checkpointArgs());
        args.addAll(CLEAN_ARGS);
        CleanJobConfig clean = CleanJobConfig.parse(args.toArray(String[]::new));
        StreamExecutionEnvironment env = env(clean.checkpointInterval());
        CleanJob.defineWorkflow(env, PulseKafka.rawEventsSource(BOOTSTRAP, clean.inputTopics(), clean.groupId()),
                CleanJob.kafkaSinks(clean), clean.dedupeTtl(), clean.alignment());
        double cleanSeconds = runUntilCaughtUp(env, "bench clean", clean.groupId(), clean.inputTopics());
        log("clean job: %,d events in %.1f s: %,.0f/s", events, cleanSeconds, events / cleanSeconds);
        return cleanSeconds;
    }

    /** Runs the rollup job over the suffix's events.clean backlog; returns its wall time. */
    private static double replayRollup(String suffix, long events) throws Exception {
        if (events < 0) {
            events = consumeAll(List.of(Topics.EVENTS_CLEAN + suffix)).records();
            log("events.clean%s holds %,d committed events", suffix, events);
        }
        List<String> args = new ArrayList<>(List.of("--bootstrap", BOOTSTRAP, "--topic-suffix", suffix,
                "--group-id", "bench-rollup-" + UUID.randomUUID()));
        args.addAll(checkpointArgs());
        args.addAll(ROLLUP_ARGS);
        RollupJobConfig rollup = RollupJobConfig.parse(args.toArray(String[]::new));
        RollupPlan plan = RollupPlan.from(RollupJob.loadCatalog(null));
        StreamExecutionEnvironment env = env(rollup.checkpointInterval());
        RollupJob.defineWorkflow(env, PulseKafka.cleanEventsSource(BOOTSTRAP, rollup.inputTopic(), rollup.groupId()),
                RollupJob.kafkaSinks(rollup, plan), plan, rollup.timing());
        double rollupSeconds = runUntilCaughtUp(env, "bench rollup", rollup.groupId(), List.of(rollup.inputTopic()));
        log("rollup job: %,d events in %.1f s: %,.0f/s", events, rollupSeconds, events / rollupSeconds);
        long rows = countRows(plan.windows().stream().map(w -> w.topic() + suffix).toList());
        log("rollup rows written: %,d (%.1f events per row)", rows, (double) events / rows);
        // a replay that reads the backlog out of event-time order sends events beyond the allowed lateness here
        long late = countRows(List.of(Topics.EVENTS_LATE + suffix));
        log("late events (in no rollup): %,d", late);
        // the disorder shows how close a replay came to sending events there, also when none went
        logDisorder(Topics.EVENTS_CLEAN + suffix);
        return rollupSeconds;
    }

    /**
     * Both jobs at once, as the pipeline runs on a cluster (and as a replay into a new job version runs): the clean job
     * reads the raw backlog of {@code input} and writes {@code events.clean} of {@code outputs}, which the rollup job
     * reads while it is written. Returns the seconds from submission until the rollup job has consumed every clean
     * event. The rollup job sees clean events only as the clean job's checkpoints commit them, so this includes the
     * pipeline's own hand-over delay.
     */
    private static double runTogether(String input, String outputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--bootstrap", BOOTSTRAP, "--topic-suffix", outputs));
        args.addAll(checkpointArgs());
        CleanJobConfig parsed = CleanJobConfig.parse(concat(args, CLEAN_ARGS));
        List<String> rawTopics = Topics.rawEventTopics().stream().map(t -> t + input).toList();
        CleanJobConfig clean = new CleanJobConfig(parsed.jobName(), parsed.bootstrap(), rawTopics, parsed.cleanTopic(),
                parsed.deadLetterTopic(), parsed.groupId(), parsed.transactionalIdPrefix(), parsed.dedupeTtl(),
                parsed.checkpointInterval(), parsed.alignment(), parsed.topicSuffix());
        RollupJobConfig rollup = RollupJobConfig.parse(concat(args, ROLLUP_ARGS));
        RollupPlan plan = RollupPlan.from(RollupJob.loadCatalog(null));

        StreamExecutionEnvironment env = env(clean.checkpointInterval());
        CleanJob.defineWorkflow(env, PulseKafka.rawEventsSource(BOOTSTRAP, clean.inputTopics(), clean.groupId()),
                CleanJob.kafkaSinks(clean), clean.dedupeTtl(), clean.alignment());
        RollupJob.defineWorkflow(env, PulseKafka.cleanEventsSource(BOOTSTRAP, rollup.inputTopic(), rollup.groupId()),
                RollupJob.kafkaSinks(rollup, plan), plan, rollup.timing());

        Map<TopicPartition, Long> rawEnds = endsOfData(clean.inputTopics());
        long t0 = System.nanoTime();
        var client = env.executeAsync("bench clean and rollup");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            awaitCommitted(admin, clean.groupId(), rawEnds);
            double cleanSeconds = seconds(t0);
            // the clean job's last transaction commits with the checkpoint that committed its offsets, at about the
            // same moment: so the ends of events.clean are read again until the rollup job has reached them twice
            Map<TopicPartition, Long> cleanEnds = Map.of();
            Map<TopicPartition, Long> next = endsOfData(List.of(clean.cleanTopic()));
            while (!next.equals(cleanEnds)) {
                cleanEnds = next;
                awaitCommitted(admin, rollup.groupId(), cleanEnds);
                next = endsOfData(List.of(clean.cleanTopic()));
            }
            double seconds = seconds(t0);
            log("both jobs at once: clean job caught up after %.1f s, rollup job after %.1f s: %,.0f events/s",
                    cleanSeconds, seconds, EVENTS / seconds);
            long late = countRows(List.of(Topics.EVENTS_LATE + outputs));
            log("late events (in no rollup), both jobs at once: %,d", late);
            return seconds;
        } finally {
            client.cancel().get();
        }
    }

    /** Waits until the group has committed at least the given offset of each partition. */
    private static void awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> targets) throws Exception {
        while (true) {
            var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            boolean done = targets.entrySet().stream().allMatch(t -> t.getValue() == 0
                    || (committed.get(t.getKey()) != null && committed.get(t.getKey()).offset() >= t.getValue()));
            if (done) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }

    /** How far each partition's records fall behind the newest event time before them: what makes events late. */
    private static void logDisorder(String topic) {
        Properties p = fromTheStart("bench-disorder-");
        Map<Integer, Long> newest = new HashMap<>();
        Map<Integer, Long> worst = new HashMap<>();
        Map<Integer, Long> behindAnHour = new HashMap<>();
        Map<Integer, Long> firstBehindAt = new HashMap<>();
        long withHeaders = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 5) {
                var records = consumer.poll(java.time.Duration.ofSeconds(1));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (var r : records) {
                    if (r.headers().toArray().length > 0 && withHeaders++ == 0) {
                        log("%s carries headers: %s", topic, java.util.Arrays.toString(r.headers().toArray()));
                    }
                    long max = Math.max(newest.getOrDefault(r.partition(), Long.MIN_VALUE), r.timestamp());
                    newest.put(r.partition(), max);
                    long behind = max - r.timestamp();
                    worst.merge(r.partition(), behind, Math::max);
                    if (behind > 3_600_000L) {
                        behindAnHour.merge(r.partition(), 1L, Long::sum);
                        firstBehindAt.putIfAbsent(r.partition(), r.offset());
                    }
                }
            }
        }
        log("%s disorder per partition: largest lag behind the partition's newest event time (min) %s; records more "
                + "than 1 h behind %s, the first at offset %s", topic,
                worst.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / 60_000)),
                behindAnHour, firstBehindAt);
    }

    /**
     * Runs the job until its consumer group has committed (on a checkpoint) the offset after the last record of
     * each input partition, then cancels it. A bounded KafkaSource would be simpler but never ends on
     * transactional topics: a partition ends with transaction markers (and, after a job was cancelled, aborted
     * records) that a read_committed reader never receives, so the source never reports them as consumed.
     * Returns the seconds from submission to caught up.
     */
    private static double runUntilCaughtUp(StreamExecutionEnvironment env, String name, String groupId,
                                         List<String> topics) throws Exception {
        Map<TopicPartition, Long> targets = endsOfData(topics);
        long t0 = System.nanoTime();
        var client = env.executeAsync(name);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            awaitCommitted(admin, groupId, targets);
            return seconds(t0);
        } finally {
            client.cancel().get();
        }
    }

    /** Per partition, the offset after the last record a read_committed reader receives (0 when there is none). */
    private static Map<TopicPartition, Long> endsOfData(List<String> topics) {
        Map<TopicPartition, Long> result = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                result.put(p, 0L);
                consumer.seek(p, Math.max(0, ends.get(p) - 10_000));
            }
            int empty = 0;
            while (empty < 5 && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                var records = consumer.poll(java.time.Duration.ofSeconds(1));
                records.forEach(r -> result.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
                empty = records.isEmpty() ? empty + 1 : 0;
            }
        }
        return result;
    }

    /** Each job's checkpoint directory: the clean job's last checkpoints hold every id of the backlog (73 MB). */
    private static final List<Path> CHECKPOINT_DIRS = new ArrayList<>();

    private static void deleteCheckpoints() throws IOException {
        for (Path dir : CHECKPOINT_DIRS) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        CHECKPOINT_DIRS.clear();
    }

    private static StreamExecutionEnvironment env(java.time.Duration checkpointInterval) throws IOException {
        // checkpoints to files as on a cluster: the default in-memory storage refuses the dedupe state of millions of ids
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        Path checkpoints = Files.createTempDirectory("pulse-bench-ck");
        CHECKPOINT_DIRS.add(checkpoints);
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        Checkpointing.configure(env, checkpointInterval);
        return env;
    }

    /** A backlog spanning six hours of event time, roughly in order, 200,000 users. */
    private static long produce(String suffix, long events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        // One request at a time per broker: the topics are new, and a partition the broker has not opened yet refuses
        // a first batch (NOT_LEADER_OR_FOLLOWER) while the next one, sent beside it, is written. The retried first
        // batch is then out of sequence for good: in runs of 2026-12-02 the producer retried for two minutes and
        // lost a few hundred records.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        Random random = new Random(1);
        long start = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();
        long span = 6 * 3600_000L;
        long bytes = 0;
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                String user = "user-" + random.nextInt(200_000);
                long ts = start + i * span / events - random.nextInt(2000);
                Double revenue = type.equals("transaction") ? (1 + random.nextInt(10_000)) / 100.0 : null;
                Event e = new Event(UUID.randomUUID().toString(), type, user, Instant.ofEpochMilli(ts), Instant.ofEpochMilli(ts),
                        Map.of("sku", "SKU-" + random.nextInt(1000), "path", "/p/" + random.nextInt(500)),
                        new EventContext(COUNTRIES[random.nextInt(COUNTRIES.length)], DEVICES[random.nextInt(3)],
                                PLATFORMS[random.nextInt(3)]), revenue, revenue == null ? null : "EUR");
                byte[] value = EventJson.write(e);
                bytes += value.length;
                // as the ingest service writes it: EventJson.write's bytes, marked so
                producer.send(new ProducerRecord<>(e.family().topic() + suffix, null, ts, user.getBytes(UTF_8), value,
                        CANONICAL), (metadata, error) -> {
                            if (error != null && failed.getAndIncrement() == 0) {
                                log("a backlog record was not written: %s", error);
                            }
                        });
            }
        }
        if (failed.get() > 0) {
            log("%,d of %,d backlog records were not written: the backlog is short by that many", failed.get(), events);
        }
        return bytes;
    }

    /** A consumer of its own group, reading committed records from the start. */
    private static Properties fromTheStart(String groupPrefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    /** What a read found, and when its last record arrived. */
    private record Read(long records, long lastRecordNanos) {
    }

    /**
     * Reads the backlog as fast as one plain consumer can: the ceiling. Its time ends with the last record: a backlog
     * short of {@code EVENTS} ends the read with 30 empty polls, which are no reading (they made the ceiling look
     * 7 times slower in every run whose backlog missed a few records).
     */
    private static Read consumeAll(List<String> topics) {
        return read(topics, "bench-ceiling-", EVENTS, 30);
    }

    /** Counts every record of the topics: stops after five empty polls. */
    private static long countRows(List<String> topics) {
        return read(topics, "bench-rows-", Long.MAX_VALUE, 5).records();
    }

    /** Reads committed records from the start until {@code stopAt} of them or {@code emptyPolls} empty polls. */
    private static Read read(List<String> topics, String groupPrefix, long stopAt, int emptyPolls) {
        Properties p = fromTheStart(groupPrefix);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long count = 0;
        long last = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            int empty = 0;
            while (count < stopAt && empty < emptyPolls) {
                int n = consumer.poll(java.time.Duration.ofSeconds(1)).count();
                count += n;
                empty = n == 0 ? empty + 1 : 0;
                if (n > 0) {
                    last = System.nanoTime();
                }
            }
        }
        return new Read(count, last);
    }

    private static List<String> topics(String suffix) {
        List<String> topics = new ArrayList<>(Topics.rawEventTopics().stream().map(t -> t + suffix).toList());
        for (String t : List.of(Topics.EVENTS_CLEAN, Topics.EVENTS_DLQ, Topics.EVENTS_LATE, Topics.ROLLUPS_1M,
                Topics.ROLLUPS_5M, Topics.ROLLUPS_1H_SLIDING, Topics.ROLLUPS_PROGRESS)) {
            topics.add(t + suffix);
        }
        return topics;
    }

    private static boolean isRaw(String topic) {
        return Set.of("events.page_view", "events.click", "events.transaction", "events.other")
                .contains(topic.substring(0, topic.indexOf(".bench-")));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }
}
