package dev.pulse.stack.run;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.health.Health;
import dev.pulse.stack.process.Ports;
import dev.pulse.stack.process.ProcessRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** {@code ./pulse status}: one row per component with its state, pid, ports and address. */
public final class StackStatus {

    /** One component's state as {@code ./pulse status} reports it. */
    public record Row(String component, String state, Long pid, List<Integer> ports, String url, boolean healthy) {
    }

    private final List<Component> components;
    private final ProcessRegistry registry;

    public StackStatus(StackContext context, List<Component> components) {
        this.components = components;
        this.registry = new ProcessRegistry(context.layout());
    }

    public List<Row> rows() {
        List<CompletableFuture<Row>> futures = components.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> row(c))).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    public boolean allHealthy() {
        return rows().stream().allMatch(Row::healthy);
    }

    private Row row(Component c) {
        Optional<ProcessHandle> process = registry.running(c);
        if (process.isEmpty()) {
            String state = c.ports().stream().anyMatch(Ports::inUse) ? "stopped (its port is taken by another process)"
                    : "stopped";
            return new Row(c.name(), state, null, c.ports(), c.url(), false);
        }
        Health health = c.health().check();
        String uptime = process.get().info().startInstant()
                .map(start -> ", up " + human(Duration.between(start, java.time.Instant.now()))).orElse("");
        String state = health.healthy() ? "healthy" + uptime : "unhealthy: " + health.detail();
        return new Row(c.name(), state, process.get().pid(), c.ports(), c.url(), health.healthy());
    }

    public void print(PrintStream out) {
        String format = "%-20s %-34s %-8s %-12s %s%n";
        out.printf(format, "COMPONENT", "STATE", "PID", "PORTS", "URL");
        for (Row row : rows()) {
            String ports = row.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
            out.printf(format, row.component(), row.state(), row.pid() == null ? "-" : row.pid(), ports, row.url());
        }
    }

    private static String human(Duration d) {
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
