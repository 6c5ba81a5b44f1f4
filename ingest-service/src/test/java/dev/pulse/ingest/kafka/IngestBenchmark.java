package dev.pulse.ingest.kafka;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.it.DedicatedKafka;
import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.EventFamily;
import dev.pulse.model.event.EventJson;
import dev.pulse.testing.KeepAliveHttpClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.util.unit.DataSize;

/**
 * Ingest throughput: events/s accepted over HTTP (batches of 100, keep-alive, several connections) against two raw
 * producers, in the same run, on a dedicated single-node Kafka (so the shared stack's pipeline never sees the load):
 * the service's own producer code and settings sending the same records straight to Kafka, and Kafka's own
 * {@code kafka-producer-perf-test} sending the same record values ({@link PerfTestPass}). Bounded in events and time.
 *
 * <p>The service and the raw producer send the same records: the same value bytes, key, event time and
 * {@code pulse-format} header, with the same compression ({@code -Dbench.compression}, default lz4, the service's own
 * in every profile; the service and the perf-test tool are given the same value).
 *
 * <p>All sides are warmed up until steady, then measured in rounds of passes a few seconds apart: the raw producer's
 * own rate falls by a quarter as the broker's logs grow, with no HTTP traffic at all (2026-12-03), so a raw pass on
 * the fresh broker of the start is no fair match for an HTTP pass run later.
 *
 * <p>Run from the repository root as ingest-service/README.md shows (arguments: events, connections, service jar).
 */
public final class IngestBenchmark {

    private static final int BATCH = 100;
    /** Distinct request bodies; each side sends their events over and over, in the same order. */
    private static final int BODIES = 1000;
    private static final String KEY = "pulse-demo-write-key";
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(40);
    private static final int WARM_UP_ROUND = Integer.getInteger("bench.warm-up-round-events", 1_000_000);
    /**
     * The service's CPU per event falls for about ten rounds on this machine (C2 compiling on a busy machine), with
     * single rounds that look steady on the way: no round before this one can end the warm-up.
     */
    private static final int MIN_WARM_UP_ROUNDS = 10;
    private static final int MAX_WARM_UP_ROUNDS = 20;
    /** Rounds of a raw, a kafka-producer-perf-test and an HTTP pass, measured after the warm-ups. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Records each kafka-producer-perf-test run sends before its measured ones: it starts in a fresh JVM each time. */
    private static final int PERF_TEST_WARM_UP = Integer.getInteger("bench.perf-test-warm-up", 1_500_000);
    /** A round that improves on the one before by less than this share ends the warm-up. */
    private static final double STEADY = 0.05;
    private static final String COMPRESSION = System.getProperty("bench.compression", "lz4");
    /** The JVM flags the local stack starts the service with; the README runs the raw producer's JVM with them too. */
    private static final String SERVICE_JVM = "-XX:+UseParallelGC -XX:+UseTransparentHugePages";
    /** The header the service puts on every event record. */
    private static final List<Header> CANONICAL =
            List.of(new RecordHeader(CanonicalEvent.HEADER, CanonicalEvent.headerValue()));

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path jar = Path.of(args.length > 2 ? args[2] : "ingest-service/target/ingest-service.jar");
        // a flight recording with the profile settings costs the service several per cent of its CPU (stack traces
        // of its allocation and park events), so the measured service runs without one unless asked
        Path jfr = Boolean.getBoolean("bench.jfr") ? Files.createTempFile("ingest-bench-", ".jfr") : null;
        List<Event> distinct = events(BODIES * BATCH);
        String authorization = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        List<byte[]> bodies = bodies(distinct);
        // the HTTP requests, prepared once: each pass sends them over and over
        List<byte[]> requests = bodies.stream()
                .map(body -> KeepAliveHttpClient.post("/v1/events", authorization, body)).toList();
        List<SentRecord> records = records(distinct);
        System.out.printf("%d distinct events; record value %d bytes, request body %d bytes (%d events)%n",
                distinct.size(), records.get(0).value().length, bodies.get(0).length, BATCH);

        try (DedicatedKafka kafka = DedicatedKafka.format()) {
            kafka.start();
            // warm-up until steady (the JIT of this JVM and of the broker), which also creates the topics
            warmUp("raw producer", () -> rawProducer(kafka, records, WARM_UP_ROUND).eventsPerSecond(), true);
            PerfTestPass perfTestPass = PerfTestPass.of(kafka, records.stream().map(SentRecord::value).toList(),
                    ProducerSettings.of(producerSettings(kafka.bootstrap())));
            Process service = startService(jar, kafka.bootstrap(), jfr);
            try {
                int port = awaitPort(service);
                // on a busy 2-core machine C2 is still compiling the request path 30 s after the start, a third of the
                // service's CPU: measured before it is done, the service looks slower than it runs in its steady state
                warmUp("HTTP, service CPU us/event",
                        () -> httpPass(kafka, service, port, requests, connections, WARM_UP_ROUND).cpuMicrosPerEvent(), false);
                // side by side: rounds of a raw pass, a kafka-producer-perf-test pass and an HTTP pass, as the raw
                // producer's rate drifts by a quarter within minutes (the broker's growing logs; the host's steal
                // time); each round's ratios compare passes a few seconds apart
                List<Round> rounds = new ArrayList<>();
                for (int n = 1; n <= ROUNDS; n++) {
                    // in turn raw first and HTTP first, so that neither side always runs on the fresher broker; the
                    // perf-test pass always in the middle
                    boolean rawFirst = n % 2 == 1;
                    RawPass raw;
                    double perfTest;
                    HttpPass http;
                    if (rawFirst) {
                        raw = rawProducer(kafka, records, events);
                        perfTest = perfTestPass.run(events, PERF_TEST_WARM_UP);
                        http = measureHttp(kafka, service, port, requests, connections, events);
                    } else {
                        http = measureHttp(kafka, service, port, requests, connections, events);
                        perfTest = perfTestPass.run(events, PERF_TEST_WARM_UP);
                        raw = rawProducer(kafka, records, events);
                    }
                    Round round = new Round(raw, perfTest, http);
                    rounds.add(round);
                    System.out.printf("round %d (%s first): raw producer %.0f events/s, kafka-producer-perf-test %.0f"
                                    + " events/s, HTTP %.0f events/s; ratio to raw %.2f, to perf-test %.2f; request"
                                    + " latency p50 %.1f ms p99 %.1f ms; service CPU %.2f us/event; CPU per event: raw pass"
                            + " broker %.2f + producer %.2f us, HTTP pass broker %.2f + service %.2f + load generator"
                            + " %.2f us%n",
                            n, rawFirst ? "raw" : "HTTP", raw.eventsPerSecond(), perfTest, http.eventsPerSecond(),
                            round.ratio(), round.perfTestRatio(), http.p50Millis(), http.p99Millis(),
                            http.cpuMicrosPerEvent(), raw.brokerCpuMicrosPerEvent(), raw.producerCpuMicrosPerEvent(),
                            http.brokerCpuMicrosPerEvent(), http.cpuMicrosPerEvent(),
                            http.generatorCpuMicrosPerEvent());
                }
                DoubleSummaryStatistics ratios = rounds.stream().mapToDouble(Round::ratio).summaryStatistics();
                DoubleSummaryStatistics perfTestRatios =
                        rounds.stream().mapToDouble(Round::perfTestRatio).summaryStatistics();
                System.out.printf("RESULT %d rounds, medians: raw producer %.0f events/s, kafka-producer-perf-test %.0f"
                                + " events/s, HTTP %.0f events/s; ratio to raw median %.2f (lowest %.2f, highest %.2f);"
                                + " ratio to perf-test median %.2f (lowest %.2f, highest %.2f); request latency p50"
                                + " %.1f ms p99 %.1f ms; service CPU %.2f us/event; CPU per event: raw pass broker %.2f"
                                + " + producer %.2f us, HTTP pass broker %.2f + service %.2f + load generator %.2f us;"
                                + " %d connections; compression %s%n",
                        ROUNDS, median(rounds, round -> round.raw().eventsPerSecond()), median(rounds, Round::perfTest),
                        median(rounds, round -> round.http().eventsPerSecond()), median(rounds, Round::ratio),
                        ratios.getMin(), ratios.getMax(), median(rounds, Round::perfTestRatio),
                        perfTestRatios.getMin(), perfTestRatios.getMax(),
                        median(rounds, round -> round.http().p50Millis()),
                        median(rounds, round -> round.http().p99Millis()),
                        median(rounds, round -> round.http().cpuMicrosPerEvent()),
                        median(rounds, round -> round.raw().brokerCpuMicrosPerEvent()),
                        median(rounds, round -> round.raw().producerCpuMicrosPerEvent()),
                        median(rounds, round -> round.http().brokerCpuMicrosPerEvent()),
                        median(rounds, round -> round.http().cpuMicrosPerEvent()),
                        median(rounds, round -> round.http().generatorCpuMicrosPerEvent()), connections, COMPRESSION);
            } finally {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            if (jfr != null) {
                System.out.println("JFR recording of the service: " + jfr);
            }
        }
    }

    /** A measured quantity of one warm-up round. */
    private interface WarmUpRound {
        double run() throws Exception;
    }

    /**
     * Runs rounds of {@link #WARM_UP_ROUND} events until the figure a round gives has stopped improving: a rate that
     * rose, or a cost that fell, by less than {@link #STEADY} against the round before, twice in a row (a single
     * slow round on a shared machine is no sign that the JIT is done), after at least {@link #MIN_WARM_UP_ROUNDS}
     * and within {@link #MAX_WARM_UP_ROUNDS} rounds.
     */
    private static void warmUp(String what, WarmUpRound round, boolean higherIsBetter) throws Exception {
        double last = round.run();
        int steadyRounds = 0;
        for (int n = 2; n <= MAX_WARM_UP_ROUNDS; n++) {
            double figure = round.run();
            double gain = higherIsBetter ? figure / last - 1 : last / figure - 1;
            System.out.printf("warm-up %s, round %d: %.2f (%+.1f %%)%n", what, n, figure, gain * 100);
            last = figure;
            steadyRounds = gain < STEADY ? steadyRounds + 1 : 0;
            if (steadyRounds >= 2 && n >= MIN_WARM_UP_ROUNDS) {
                return;
            }
        }
        System.out.printf("warm-up %s: not steady after %d rounds%n", what, MAX_WARM_UP_ROUNDS);
    }

    /** The service's own producer settings (application.yml defaults, the compression above) sending its records. */
    static RawPass rawProducer(DedicatedKafka kafka, List<SentRecord> records, int events) throws Exception {
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                ProducerSettings.of(producerSettings(kafka.bootstrap())), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Duration brokerBefore = kafka.cpu();
            long ownBefore = ownCpuNanos();
            long start = System.nanoTime();
            long deadline = start + PHASE_LIMIT.toNanos();
            int sent = 0;
            for (; sent < events && (sent % 10_000 != 0 || System.nanoTime() < deadline); sent++) {
                SentRecord record = records.get(sent % records.size());
                producer.send(new ProducerRecord<>(record.topic(), null, record.eventTime(), record.key(),
                                record.value(), CANONICAL),
                        (metadata, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw producer: %d events in %.1f s, %d failed%n", sent, seconds, failed.get());
            return new RawPass(sent / seconds, kafka.cpu().minus(brokerBefore).toNanos() / 1e3 / sent,
                    (ownCpuNanos() - ownBefore) / 1e3 / sent);
        }
    }

    /** This JVM's CPU time: the raw producer's in a raw pass, the load generator's in an HTTP pass. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** application.yml's producer defaults with the benchmark's compression. */
    private static IngestProperties.Kafka producerSettings(String bootstrap) {
        return new IngestProperties.Kafka(bootstrap, Duration.ofSeconds(10), 4, (short) 1, Duration.ofSeconds(2),
                DataSize.ofMegabytes(64), 0.1, COMPRESSION, Duration.ofMillis(5), DataSize.ofKilobytes(256),
                Duration.ofSeconds(5));
    }

    /**
     * One measured HTTP pass; the service's own CPU per event accepted is steadier from run to run than the rates.
     * The broker's and the load generator's CPU per event say where the rest of the two cores went.
     */
    private record HttpPass(double eventsPerSecond, double p50Millis, double p99Millis, double cpuMicrosPerEvent,
                            double brokerCpuMicrosPerEvent, double generatorCpuMicrosPerEvent) {
    }

    /** One raw producer pass: its rate, and the broker's and the producer's CPU per event. */
    record RawPass(double eventsPerSecond, double brokerCpuMicrosPerEvent, double producerCpuMicrosPerEvent) {
    }

    /** A raw pass, a kafka-producer-perf-test pass and an HTTP pass, run one after the other. */
    private record Round(RawPass raw, double perfTest, HttpPass http) {
        double ratio() {
            return http.eventsPerSecond() / raw.eventsPerSecond();
        }

        double perfTestRatio() {
            return http.eventsPerSecond() / perfTest;
        }
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Duration cpu(Process process) {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the service"));
    }

    private static HttpPass measureHttp(DedicatedKafka kafka, Process service, int port, List<byte[]> requests,
                                        int connections, int events) throws Exception {
        System.out.printf("measuring HTTP: %d events over %d connections%n", events, connections);
        return httpPass(kafka, service, port, requests, connections, events);
    }

    /** One pass of {@code events} over {@code connections} keep-alive connections, with the service's CPU in it. */
    private static HttpPass httpPass(DedicatedKafka kafka, Process service, int port, List<byte[]> requests,
                                     int connections, int events) throws Exception {
        Duration cpuBefore = cpu(service);
        Duration brokerBefore = kafka.cpu();
        long ownBefore = ownCpuNanos();
        LoadGenerator.Result result = LoadGenerator.run(port, requests, connections, events / BATCH, PHASE_LIMIT);
        long[] done = result.latencyNanos();
        Arrays.sort(done);
        System.out.printf("HTTP: %d requests (%d events) in %.1f s, %d not 200%n", done.length, done.length * BATCH,
                result.seconds(), result.notOk());
        if (result.notOk() > 0) {
            throw new IllegalStateException(result.notOk() + " requests were not answered 200");
        }
        long accepted = (long) done.length * BATCH;
        return new HttpPass(accepted / result.seconds(), done[done.length / 2] / 1e6, done[(int) (done.length * 0.99)] / 1e6,
                cpu(service).minus(cpuBefore).toNanos() / 1e3 / accepted,
                kafka.cpu().minus(brokerBefore).toNanos() / 1e3 / accepted, (ownCpuNanos() - ownBefore) / 1e3 / accepted);
    }

    private static Process startService(Path jar, String bootstrap, Path jfr) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        // the service's JVM flags: by default those the local stack starts it with (Components in deploy/local-stack)
        command.addAll(Arrays.stream(System.getProperty("bench.service-jvm", SERVICE_JVM).split(" "))
                .filter(flag -> !flag.isBlank()).toList());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=local",
                "--pulse.ingest.kafka.bootstrap-servers=" + bootstrap, "--pulse.ingest.kafka.compression=" + COMPRESSION));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("ingest-bench-", ".log").toFile())
                .start();
    }

    /** Waits for the service's health to say UP; the port is the one passed on its command line. */
    private static int awaitPort(Process service) throws Exception {
        String command = service.info().arguments().map(Arrays::asList).orElseThrow().stream()
                .filter(a -> a.startsWith("--server.port=")).findFirst().orElseThrow();
        int port = Integer.parseInt(command.substring("--server.port=".length()));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"UP\"")) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become healthy within two minutes");
    }

    /**
     * Distinct events shaped like the event of DESIGN.md (about 300 bytes each): their own ids and times, 1,000
     * users, four types. Both sides send these same events. The raw producer once sent 1,000 records over and over
     * while the HTTP side sent 100,000 distinct events: each user's records were then identical and compressed far
     * better, so the broker had less to write for the raw producer than for the service.
     */
    static List<Event> events(int count) {
        String[] types = {"page_view", "click", "transaction", "signup"};
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(n -> new Event("7f1c9a2e-%08d-4e1b-9c3d-%012d".formatted(n, n),
                types[n % 4], "u-" + (n % 1000), now.minusSeconds(5).plusNanos(n * 1_000L), now,
                Map.of("sku", "A" + (n % 50), "page", "/products/" + (n % 200)), new EventContext("DE", "mobile", "web"),
                19.99, "EUR")).toList();
    }

    /** Request bodies of {@value #BATCH} events each, in the native API's shape (no received_at: the service sets it). */
    static List<byte[]> bodies(List<Event> events) {
        return IntStream.range(0, events.size() / BATCH).mapToObj(b -> events.subList(b * BATCH, (b + 1) * BATCH)
                .stream().map(e -> ("{\"event_id\":\"%s\",\"event_type\":\"%s\",\"user_id\":\"%s\",\"timestamp\":\"%s\","
                        + "\"properties\":{\"sku\":\"%s\",\"page\":\"%s\"},"
                        + "\"context\":{\"country\":\"%s\",\"device\":\"%s\",\"platform\":\"%s\"},"
                        + "\"revenue\":%s,\"currency\":\"%s\"}").formatted(e.eventId(), e.eventType(), e.userId(),
                        e.timestamp(), e.properties().get("sku"), e.properties().get("page"), e.context().country(),
                        e.context().device(), e.context().platform(), e.revenue(), e.currency()))
                .collect(Collectors.joining(",", "[", "]")).getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** One record as the service sends it: its family's topic, the user id's bytes as key, the event time, the value. */
    record SentRecord(String topic, byte[] key, long eventTime, byte[] value) {
    }

    /** What the service writes to Kafka for those events (with received_at), so both paths send the same bytes. */
    static List<SentRecord> records(List<Event> events) {
        return events.stream().map(e -> new SentRecord(EventFamily.of(e.eventType()).topic(),
                e.userId().getBytes(StandardCharsets.UTF_8), e.timestamp().toEpochMilli(), EventJson.write(e))).toList();
    }
}
