package dev.pulse.stack.run;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.process.ProcessRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./pulse down}: stops the components this launcher started (by their recorded pid, nothing else), those
 * that others depend on last, each with SIGTERM first and SIGKILL after the stop timeout.
 */
public final class StackDown {

    private final StackContext context;
    private final List<Component> components;
    private final ProcessRegistry registry;
    private final PrintStream out;

    public StackDown(StackContext context, List<Component> components, PrintStream out) {
        this.context = context;
        this.components = components;
        this.registry = new ProcessRegistry(context.layout());
        this.out = out;
    }

    public void run() throws InterruptedException {
        Map<Component, ProcessHandle> running = new LinkedHashMap<>();
        components.forEach(c -> registry.running(c).ifPresent(p -> running.put(c, p)));
        if (running.isEmpty()) {
            out.println("Nothing to stop: no component of the local stack is running.");
            return;
        }
        while (!running.isEmpty()) {
            List<Component> wave = new ArrayList<>();
            for (Component c : running.keySet()) {
                boolean neededByRunning = running.keySet().stream().anyMatch(o -> o.dependsOn().contains(c.name()));
                if (!neededByRunning) {
                    wave.add(c);
                }
            }
            stop(wave, running);
            wave.forEach(running::remove);
        }
        out.println("The local stack is stopped.");
    }

    private void stop(List<Component> wave, Map<Component, ProcessHandle> running) throws InterruptedException {
        for (Component c : wave) {
            out.println("  stopping " + c.name() + " (pid " + running.get(c).pid() + ")");
            running.get(c).destroy();
        }
        long deadline = System.nanoTime() + context.config().timeouts().stop().toNanos();
        for (Component c : wave) {
            ProcessHandle process = running.get(c);
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                out.println("  " + c.name() + " did not stop within " + context.config().timeouts().stop().toSeconds()
                        + " s: killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.onExit().join();
            }
            registry.forget(c);
        }
    }
}
