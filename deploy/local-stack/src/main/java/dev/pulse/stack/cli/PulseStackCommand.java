package dev.pulse.stack.cli;

import dev.pulse.stack.LocalStack;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher behind {@code ./pulse up|down|status}. Exit codes: 0 done, 1 failed, 3 not healthy (status). */
@Command(name = "pulse", mixinStandardHelpOptions = true,
        description = "Runs the Pulse local stack (ZooKeeper, Kafka, Druid, Flink, Redis) as local processes.",
        subcommands = {PulseStackCommand.Up.class, PulseStackCommand.Down.class, PulseStackCommand.Status.class})
public final class PulseStackCommand {

    static final int NOT_HEALTHY = 3;
    private static final PrintStream OUT = System.out;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PulseStackCommand());
        // a person should read the message, not a stack trace
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("pulse: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Command(name = "up", description = "Start every component that is not running, wait until all are healthy.")
    static final class Up implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            LocalStack stack = LocalStack.discover();
            OUT.println("Starting the Pulse local stack (state and logs in " + stack.layout().var() + ")");
            if (!stack.up(OUT)) {
                return 1;
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            OUT.println();
            OUT.println("The local stack is up (" + seconds + " s):");
            stack.status().print(OUT);
            return 0;
        }
    }

    @Command(name = "down", description = "Stop what ./pulse up started, gracefully, then forcibly.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            LocalStack.discover().down(OUT);
            return 0;
        }
    }

    @Command(name = "status", description = "Print a table of the components; exit 3 unless all are healthy.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Option(names = "--quiet", description = "print nothing, only set the exit code")
        boolean quiet;

        @Override
        public Integer call() {
            LocalStack stack = LocalStack.discover();
            if (quiet) {
                return stack.healthy() ? 0 : NOT_HEALTHY;
            }
            var status = stack.status();
            status.print(OUT);
            return status.allHealthy() ? 0 : NOT_HEALTHY;
        }
    }
}
