package dev.pulse.ingest.kafka;

import dev.pulse.ingest.it.DedicatedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka's own producer benchmark, {@code kafka-producer-perf-test} ({@code ProducerPerformance} in kafka-tools), the
 * first raw producer issue 3 names, sending the very record values the service writes ({@code --payload-file}, one
 * value per line, each record a value of the list at random) with the service's producer settings, in a JVM of its
 * own against the benchmark's broker.
 *
 * <p>What the tool cannot do as the service does: it sends without a key and without the format header, to one
 * topic of its own, so the sticky partitioner fills one partition's batch at a time; and it times every record in a
 * callback of its own. Its rate is the steady state after {@code --warmup-records}, as it reports it.
 */
final class PerfTestPass {

    private static final String MAIN = "org.apache.kafka.tools.ProducerPerformance";
    private static final String TOPIC = "bench.perf-test";
    private static final Pattern STEADY = Pattern.compile("(\\d+) steady state records sent, ([0-9.]+) records/sec");

    private final DedicatedKafka kafka;
    private final Path payloads;
    private final List<String> producerProps;

    private PerfTestPass(DedicatedKafka kafka, Path payloads, List<String> producerProps) {
        this.kafka = kafka;
        this.payloads = payloads;
        this.producerProps = producerProps;
    }

    /** Writes the payload file; {@code settings} are the producer's (bootstrap and client id are the tool's own). */
    static PerfTestPass of(DedicatedKafka kafka, List<byte[]> values, Map<String, Object> settings) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (byte[] value : values) {
            for (byte b : value) {
                if (b == '\n') {
                    throw new IllegalArgumentException("a record value holds a newline, the tool's payload delimiter");
                }
            }
            lines.write(value);
            lines.write('\n');
        }
        Path payloads = Files.createTempFile("ingest-bench-payloads-", ".txt");
        payloads.toFile().deleteOnExit();
        Files.write(payloads, lines.toByteArray());
        List<String> props = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (!name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) && !name.equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                props.add(name + "=" + value);
            }
        });
        return new PerfTestPass(kafka, payloads, List.copyOf(props));
    }

    /** One run of the tool: {@code warmUp} records, then {@code events} measured; returns their rate in records/s. */
    double run(int events, int warmUp) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", kafka.bootstrap(), "--topic", TOPIC,
                "--num-records", String.valueOf(events + warmUp), "--warmup-records", String.valueOf(warmUp),
                "--payload-file", payloads.toString(), "--throughput", "-1", "--producer-props"));
        args.addAll(producerProps);
        Path log = Files.createTempFile("ingest-bench-perf-test-", ".log");
        Process tool = kafka.tool(MAIN, args.toArray(String[]::new)).redirectOutput(log.toFile()).start();
        if (!tool.waitFor(2, TimeUnit.MINUTES)) {
            tool.destroyForcibly();
            throw new IllegalStateException("kafka-producer-perf-test did not finish within 2 minutes; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher steady = STEADY.matcher(output);
        if (tool.exitValue() != 0 || !steady.find()) {
            throw new IllegalStateException("kafka-producer-perf-test failed (exit " + tool.exitValue() + "); see " + log);
        }
        Files.delete(log);
        System.out.printf("kafka-producer-perf-test: %s steady state records at %s records/s%n", steady.group(1),
                steady.group(2));
        return Double.parseDouble(steady.group(2));
    }
}
