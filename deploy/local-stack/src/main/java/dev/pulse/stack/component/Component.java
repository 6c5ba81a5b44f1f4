package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import java.io.IOException;
import java.util.List;

/** One process of the local stack. */
public interface Component {

    /** Short, stable name: used for the log file, the pid file and {@code ./pulse logs NAME}. */
    String name();

    /** Ports it listens on; checked free before it starts. */
    List<Integer> ports();

    /** Components that must be running before this one starts, and that stop only after it. */
    List<String> dependsOn();

    /** Whether this starts only once its dependencies are healthy, or as soon as they are started. */
    default boolean waitsForHealthyDependencies() {
        return true;
    }

    /** About how much memory the process takes, to refuse a start that the machine cannot hold. */
    long memoryBytes();

    /** Writes configuration and prepares storage; must be safe to run again on every start. */
    void prepare(StackContext context) throws IOException, InterruptedException;

    /** The command line; the process must stay in the foreground (the launcher detaches it). */
    List<String> command(StackContext context);

    HealthCheck health();

    /** Where a person reaches it, for the summary after start; empty when there is nothing to open. */
    default String url() {
        return "";
    }
}
