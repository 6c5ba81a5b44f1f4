package dev.pulse.stack.process;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.config.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pid files under {@code var/run}: the pid and the process's start time. A pid counts as ours only while a
 * process with that pid and that start time is alive, so a reused pid is never mistaken for (or stopped as) a
 * component. (Command lines are no proof: redis-server rewrites its own.)
 */
public final class ProcessRegistry {

    private final StackLayout layout;

    public ProcessRegistry(StackLayout layout) {
        this.layout = layout;
    }

    public Optional<ProcessHandle> running(Component component) {
        Path file = layout.pidFile(component.name());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = read(file).flatMap(recorded -> ProcessHandle.of(recorded.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startMillis(handle) == recorded.startMillis()));
        if (process.isEmpty()) {
            forget(component);
        }
        return process;
    }

    public void record(Component component, ProcessHandle process) {
        Path file = layout.pidFile(component.name());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + startMillis(process) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void forget(Component component) {
        try {
            Files.deleteIfExists(layout.pidFile(component.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    private static Optional<Recorded> read(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            return Optional.of(new Recorded(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private record Recorded(long pid, long startMillis) {
    }
}
