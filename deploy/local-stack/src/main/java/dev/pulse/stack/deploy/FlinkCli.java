package dev.pulse.stack.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flink run -d}: Flink's own client, from the cluster's jars ({@code var/lib/flink}) and configuration
 * ({@code var/conf/flink}), in a child JVM. The job's {@code main} runs here, in a JVM given the module openings
 * Flink 2 needs on Java 17; the JobManager's REST "run jar" would run it inside the JobManager, which the local
 * stack starts without them (its {@code ExecutionEnvironmentImpl} then fails with InaccessibleObjectException).
 */
final class FlinkCli {

    /** The openings Flink's own scripts pass ({@code env.java.default-opts.all}) that client code needs. */
    private static final List<String> JAVA_17_OPENINGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED");
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final String java;
    private final Path flinkLib;
    private final Path flinkConf;
    private final Path log;

    FlinkCli(String java, Path flinkLib, Path flinkConf, Path log) {
        this.java = java;
        this.flinkLib = flinkLib;
        this.flinkConf = flinkConf;
        this.log = log;
    }

    /** Submits detached and returns the job id. */
    String run(String entryClass, Path jar, int parallelism, Optional<Path> restoreFrom, List<String> args)
            throws DeployException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(JAVA_17_OPENINGS);
        command.addAll(List.of("-Dlog4j.configurationFile=" + flinkConf.resolve("log4j2.xml").toUri(),
                "-Dlog.file=" + log, "-cp", flinkLib + "/*", "org.apache.flink.client.cli.CliFrontend",
                "run", "-d", "-p", String.valueOf(parallelism), "-c", entryClass));
        // --allowNonRestoredState: a new build may replace an operator under a new uid (the clean job's dedupe state
        // moved to hashed id sets); its old state is then dropped instead of failing the upgrade. Every other
        // operator still resumes from the savepoint.
        restoreFrom.ifPresent(path -> command.addAll(
                List.of("-s", path.toUri().toString(), "--allowNonRestoredState")));
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLINK_CONF_DIR", flinkConf.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new DeployException("flink run " + entryClass + " failed:\n" + tail(output));
            }
            Matcher m = JOB_ID.matcher(output);
            if (!m.find()) {
                throw new DeployException("flink run " + entryClass + " printed no job id:\n" + tail(output));
            }
            return m.group(1);
        } catch (IOException e) {
            throw new DeployException("cannot run Flink's client (" + flinkLib + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while submitting " + entryClass, e);
        }
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 25), lines.length));
    }
}
