package dev.pulse.stack.run;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.health.Health;
import dev.pulse.stack.process.ProcessRegistry;
import dev.pulse.stack.process.Spawner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./pulse up}: starts every component that is not already running once those it depends on are healthy,
 * waits for all to be healthy, and fails fast, with the log's last lines, when one dies or times out.
 * Components already running are left alone, which makes a second run a no-op.
 */
public final class StackUp {

    private static final long POLL_MILLIS = 500;
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final StackContext context;
    private final List<Component> components;
    private final ProcessRegistry registry;
    private final PrintStream out;

    public StackUp(StackContext context, List<Component> components, PrintStream out) {
        this.context = context;
        this.components = components;
        this.registry = new ProcessRegistry(context.layout());
        this.out = out;
    }

    /** A component's progress through the start. */
    private static final class Tracked {
        final Component component;
        State state = State.WAITING;
        long startedAt;
        String detail = "";
        ProcessHandle process;

        Tracked(Component component) {
            this.component = component;
        }
    }

    /** @return true when every component is healthy */
    public boolean run() throws InterruptedException {
        Map<String, Tracked> tracked = new LinkedHashMap<>();
        components.forEach(c -> tracked.put(c.name(), new Tracked(c)));
        for (Tracked t : tracked.values()) {
            registry.running(t.component).ifPresent(p -> {
                t.process = p;
                t.state = State.STARTING;
                t.startedAt = System.nanoTime();
                t.detail = "already running as pid " + p.pid() + ", checking health";
            });
        }
        List<Tracked> toStart = tracked.values().stream().filter(t -> t.process == null).toList();
        if (!new Preflight(context, out).check(toStart.stream().map(t -> t.component).toList())) {
            return false;
        }
        if (toStart.isEmpty()) {
            out.println("Every component is already running; checking health ...");
        }

        Progress progress = new Progress(out, Progress.terminal());
        ExecutorService probes = Executors.newFixedThreadPool(Math.max(1, components.size()));
        try {
            while (true) {
                startReady(tracked);
                probe(tracked, probes);
                progress.show(rows(tracked));
                Optional<Tracked> failed = tracked.values().stream().filter(t -> t.state == State.FAILED).findFirst();
                if (failed.isPresent()) {
                    reportFailure(failed.get());
                    return false;
                }
                if (tracked.values().stream().allMatch(t -> t.state.healthy())) {
                    if (toStart.isEmpty()) {
                        out.println("Nothing to do: everything was already running and healthy.");
                    }
                    return true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            probes.shutdownNow();
        }
    }

    private void startReady(Map<String, Tracked> tracked) {
        for (Tracked t : tracked.values()) {
            if (t.state != State.WAITING) {
                continue;
            }
            boolean depsReady = t.component.dependsOn().stream().map(tracked::get).allMatch(dep ->
                    dep.state.healthy() || (dep.state == State.STARTING && !t.component.waitsForHealthyDependencies()));
            if (!depsReady) {
                t.detail = "after " + String.join(", ", t.component.dependsOn());
                continue;
            }
            t.startedAt = System.nanoTime();
            try {
                t.component.prepare(context);
                t.process = Spawner.start(t.component.command(context), context.layout().var(),
                        context.layout().log(t.component.name()));
                registry.record(t.component, t.process);
                t.state = State.STARTING;
                t.detail = "pid " + t.process.pid();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                t.state = State.FAILED;
                t.detail = "could not start: " + e.getMessage();
            }
        }
    }

    private void probe(Map<String, Tracked> tracked, ExecutorService probes) throws InterruptedException {
        Map<Tracked, Future<Health>> answers = new LinkedHashMap<>();
        for (Tracked t : tracked.values()) {
            if (t.state == State.STARTING) {
                answers.put(t, probes.submit(() -> t.component.health().check()));
            }
        }
        for (var entry : answers.entrySet()) {
            Tracked t = entry.getKey();
            Health health;
            try {
                health = entry.getValue().get();
            } catch (java.util.concurrent.ExecutionException e) {
                health = Health.down(String.valueOf(e.getCause()));
            }
            boolean wasRunning = t.detail.startsWith("already running");
            if (health.healthy()) {
                t.state = wasRunning ? State.ALREADY_RUNNING : State.HEALTHY;
                t.detail = "pid " + t.process.pid();
            } else if (!t.process.isAlive()) {
                t.state = State.FAILED;
                t.detail = "the process exited during start";
                registry.forget(t.component);
            } else if (elapsedSeconds(t) > context.config().timeouts().start().toSeconds()) {
                t.state = State.FAILED;
                t.detail = "not healthy after " + elapsedSeconds(t) + " s (" + health.detail() + ")";
            } else if (!wasRunning) {
                t.detail = health.detail();
            }
        }
    }

    private List<Progress.Row> rows(Map<String, Tracked> tracked) {
        List<Progress.Row> rows = new ArrayList<>();
        tracked.values().forEach(t -> rows.add(new Progress.Row(t.component.name(), t.state, elapsedSeconds(t), t.detail)));
        return rows;
    }

    private static long elapsedSeconds(Tracked t) {
        return t.startedAt == 0 ? 0 : (System.nanoTime() - t.startedAt) / 1_000_000_000L;
    }

    private void reportFailure(Tracked t) {
        var log = context.layout().log(t.component.name());
        out.println();
        out.println(t.component.name() + " failed: " + t.detail);
        out.println("Last lines of " + log + ":");
        out.println(Spawner.tail(log, LOG_LINES_ON_FAILURE).indent(4));
        out.println("Components that did start are still running: ./pulse status shows them, ./pulse down stops them.");
    }
}
