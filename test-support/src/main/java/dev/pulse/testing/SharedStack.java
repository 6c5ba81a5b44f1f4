package dev.pulse.testing;

import dev.pulse.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stack for one test run (one JVM): reused when it is already healthy (as under {@code ./pulse test}, which
 * starts it once before Maven runs), otherwise started here once. It is stopped when the run ends only if
 * nothing of it was running before: a stack someone else started (and that merely looked unhealthy for a
 * moment, or lost one process) is mended with an idempotent up, never taken down.
 */
final class SharedStack implements AutoCloseable {

    private final LocalStack stack;
    private final boolean startedHere;

    private SharedStack(LocalStack stack, boolean startedHere) {
        this.stack = stack;
        this.startedHere = startedHere;
    }

    static SharedStack obtain() {
        LocalStack stack = LocalStack.discover();
        if (stack.healthy()) {
            log("using the local stack that is already running");
            return new SharedStack(stack, false);
        }
        boolean someoneElses = stack.anyRunning();
        log(dockerAvailable()
                ? "Docker is available, but Pulse has no Testcontainers stack yet: using the local processes"
                : "Docker is not available: using the local stack's processes (./pulse up)");
        try {
            if (!stack.up(System.out)) {
                throw new IllegalStateException("the local stack did not start; the output above says why");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the local stack did not start: " + e.getMessage(), e);
        }
        if (someoneElses) {
            log("the stack was already running (not every part healthy at first): it stays up after the tests");
        }
        return new SharedStack(stack, !someoneElses);
    }

    StackAddresses addresses() {
        return StackAddresses.of(stack.config());
    }

    @Override
    public void close() throws java.io.IOException, InterruptedException {
        if (startedHere) {
            log("stopping the local stack started for this test run");
            stack.down(System.out);
        }
    }

    private static boolean dockerAvailable() {
        String host = System.getenv("DOCKER_HOST");
        return (host != null && !host.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static void log(String message) {
        System.out.println("[pulse-stack] " + message);
    }
}
