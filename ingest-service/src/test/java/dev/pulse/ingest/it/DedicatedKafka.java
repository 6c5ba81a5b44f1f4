package dev.pulse.ingest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka 4.2 (KRaft) of a test's own, from the jars the local stack already resolved into
 * {@code var/lib/kafka}, on free ports in a temporary directory: a fault test may stop it, which it must never do
 * to the shared stack's Kafka. Only the process this class started is ever stopped, by its own handle.
 */
public final class DedicatedKafka implements AutoCloseable {

    private final Path home;
    private final Path lib;
    private final int port;
    private Process process;

    private DedicatedKafka(Path home, Path lib, int port) {
        this.home = home;
        this.lib = lib;
        this.port = port;
    }

    public static DedicatedKafka format() throws IOException, InterruptedException {
        Path lib = repositoryRoot().resolve("var/lib/kafka");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: ./pulse up resolves Kafka's jars there");
        }
        Path home = Files.createTempDirectory("pulse-ingest-kafka-");
        int port = freePort();
        int controllerPort = freePort();
        Files.writeString(home.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=2",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        DedicatedKafka kafka = new DedicatedKafka(home, lib, port);
        Process format = kafka.java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", home.resolve("server.properties").toString()).redirectOutput(home.resolve("format.log").toFile()).start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting Kafka storage failed: " + Files.readString(home.resolve("format.log")));
        }
        return kafka;
    }

    public String bootstrap() {
        return "localhost:" + port;
    }

    /** Starts the broker and returns once it answers (within two minutes on a busy two-core machine). */
    public void start() throws IOException, InterruptedException {
        process = java("kafka.Kafka", home.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("kafka.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited: " + tail());
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).controller().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(500);
                }
            }
        }
        throw new IllegalStateException("Kafka did not answer within two minutes: " + tail());
    }

    /** The broker's CPU time so far, for benchmarks that account for where a machine's CPU went. */
    public Duration cpu() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for the broker's process"));
    }

    /** SIGTERM to the process this class started (a clean shutdown), SIGKILL if it is still there after 30 s. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of Kafka's own command-line tools (its main class), run with this broker's jars; output and errors merged. */
    public ProcessBuilder tool(String main, String... args) {
        return java(main, args);
    }

    private ProcessBuilder java(String main, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", lib + "/*", main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private String tail() throws IOException {
        String log = Files.readString(home.resolve("kafka.log"));
        return log.substring(Math.max(0, log.length() - 2000));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        String home = System.getProperty("pulse.home", System.getenv("PULSE_HOME"));
        if (home != null) {
            return Path.of(home);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("config/stack.properties"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (config/stack.properties) above " + Path.of("").toAbsolutePath());
    }
}
