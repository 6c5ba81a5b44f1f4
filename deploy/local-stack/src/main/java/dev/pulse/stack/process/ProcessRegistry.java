package dev.pulse.stack.process;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.config.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pid files under {@code var/run}. A pid counts as ours only while that process is alive and its command
 * line carries the component's marker, so a reused pid is never mistaken for (or stopped as) a component.
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
        Optional<ProcessHandle> process = readPid(file).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(cmd -> cmd.contains(component.marker())).orElse(false));
        if (process.isEmpty()) {
            forget(component);
        }
        return process;
    }

    public void record(Component component, long pid) {
        Path file = layout.pidFile(component.name());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n");
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

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
