package dev.pulse.stack.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads {@code config/stack.properties}, then {@code config/stack.local.properties} over it if present, and
 * reports every missing or malformed key at once.
 */
public final class StackConfigLoader {

    public static final String FILE = "config/stack.properties";
    public static final String LOCAL_OVERRIDES = "config/stack.local.properties";

    private final Properties properties;
    private final List<String> problems = new ArrayList<>();
    private final TreeSet<String> used = new TreeSet<>();

    private StackConfigLoader(Properties properties) {
        this.properties = properties;
    }

    public static StackConfig load(Path root) {
        Properties properties = new Properties();
        read(root.resolve(FILE), properties, true);
        read(root.resolve(LOCAL_OVERRIDES), properties, false);
        return from(properties);
    }

    public static StackConfig from(Properties properties) {
        return new StackConfigLoader(properties).parse();
    }

    private static void read(Path file, Properties into, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalStateException("missing " + file + ": the local stack's ports and heaps are set there");
            }
            return;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private StackConfig parse() {
        var ports = new StackConfig.Ports(
                port("port.zookeeper"), port("port.kafka"), port("port.kafka.controller"),
                port("port.druid.coordinator"), port("port.druid.broker"), port("port.druid.historical"),
                port("port.druid.indexer"), port("port.druid.router"), port("port.druid.metadata"),
                port("port.flink.rest"), port("port.flink.rpc"), port("port.redis"),
                port("port.ingest"), port("port.query-router"), port("port.dashboard-api"), port("port.alerting"));
        var memory = new StackConfig.Memory(
                size("heap.zookeeper"), size("heap.kafka"),
                size("heap.druid.coordinator"), size("heap.druid.broker"), size("heap.druid.historical"),
                size("heap.druid.indexer"), size("heap.druid.router"), size("direct.druid"),
                size("process.flink.jobmanager"), size("process.flink.taskmanager"),
                (int) positive("flink.taskmanager.slots"), size("redis.maxmemory"),
                size("heap.services"));
        var timeouts = new StackConfig.Timeouts(
                Duration.ofSeconds(positive("timeout.start.seconds")), Duration.ofSeconds(positive("timeout.stop.seconds")));
        properties.stringPropertyNames().stream().filter(key -> !used.contains(key)).sorted()
                .forEach(key -> problems.add(key + ": unknown setting"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid local stack configuration (" + FILE + "):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new StackConfig(ports, memory, timeouts);
    }

    private String text(String key) {
        used.add(key);
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            problems.add(key + ": missing");
            return null;
        }
        return value.trim();
    }

    private int port(String key) {
        long value = number(key);
        if (value != 0 && (value < 1 || value > 65535)) {
            problems.add(key + ": " + value + " is not a TCP port");
        }
        return (int) value;
    }

    private long positive(String key) {
        long value = number(key);
        if (value < 0) {
            problems.add(key + ": must be positive");
        }
        return value;
    }

    private long number(String key) {
        String value = text(key);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.add(key + ": '" + value + "' is not a whole number");
            return 0;
        }
    }

    private MemorySize size(String key) {
        String value = text(key);
        if (value == null) {
            return new MemorySize(0);
        }
        try {
            return MemorySize.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return new MemorySize(0);
        }
    }
}
