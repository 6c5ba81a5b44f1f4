package dev.pulse.stack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs Pulse's Flink jobs on the session cluster, idempotently: a job whose name is already running (or starting,
 * or restarting) per the REST API is left alone; the others are submitted with {@link FlinkCli} ({@code flink run}). A job that ran before resumes from its last retained
 * checkpoint (its job id is remembered under {@code var/run/flink-jobs/}), so its pending rollup deltas and dedupe
 * state survive {@code ./pulse down} and {@code up}.
 */
final class FlinkJobs {

    /** A job of the flink-jobs jar. */
    record Job(String name, String entryClass, List<String> args) {
    }

    private static final Set<String> ALIVE = Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "RECONCILING");

    private final String restUrl;
    private final Path jar;
    private final Path checkpoints;
    private final Path jobIds;
    private final int parallelism;
    private final FlinkCli cli;
    private final PrintStream out;

    FlinkJobs(String restUrl, FlinkCli cli, Path jar, Path checkpoints, Path jobIds, int parallelism,
              PrintStream out) {
        this.restUrl = restUrl;
        this.cli = cli;
        this.jar = jar;
        this.checkpoints = checkpoints;
        this.jobIds = jobIds;
        this.parallelism = parallelism;
        this.out = out;
    }

    void ensureRunning(List<Job> jobs) throws DeployException {
        JsonNode overview = Rest.get(restUrl + "/jobs/overview");
        for (Job job : jobs) {
            Optional<JsonNode> alive = running(overview, job.name());
            if (alive.isPresent()) {
                out.println("  flink: " + job.name() + " already " + alive.get().path("state").asText()
                        + " (" + alive.get().path("jid").asText() + ")");
            } else {
                run(job);
            }
        }
    }

    private static Optional<JsonNode> running(JsonNode overview, String name) {
        for (JsonNode job : overview.path("jobs")) {
            if (name.equals(job.path("name").asText()) && ALIVE.contains(job.path("state").asText())) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    private void run(Job job) throws DeployException {
        if (!Files.isRegularFile(jar)) {
            throw new DeployException(jar + " is missing: build it with ./pulse build (or mvn -pl flink-jobs -am"
                    + " package -DskipTests)");
        }
        Optional<Path> checkpoint = lastCheckpoint(job.name());
        String jid;
        try {
            jid = cli.run(job.entryClass(), jar, parallelism, checkpoint, job.args());
        } catch (DeployException e) {
            String hint = checkpoint.map(c -> "; it tried to resume from " + c + ": if that checkpoint is unusable,"
                    + " delete " + jobIdFile(job.name()) + " to start the job afresh").orElse("");
            throw new DeployException("starting the Flink job " + job.name() + " failed: " + e.getMessage() + hint, e);
        }
        remember(job.name(), jid);
        out.println("  flink: " + job.name() + " submitted (" + jid + ")"
                + checkpoint.map(c -> ", resumed from " + checkpoints.relativize(c)).orElse(""));
    }

    private Path jobIdFile(String name) {
        return jobIds.resolve(name + ".jobid");
    }

    private void remember(String name, String jid) throws DeployException {
        try {
            Files.createDirectories(jobIds);
            Files.writeString(jobIdFile(name), jid + "\n");
        } catch (IOException e) {
            throw new DeployException("cannot write " + jobIdFile(name) + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint ({@code chk-N} with {@code _metadata}) of the job's previous run, if any. */
    Optional<Path> lastCheckpoint(String name) throws DeployException {
        Path file = jobIdFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Path dir = checkpoints.resolve(Files.readString(file).trim());
            if (!Files.isDirectory(dir)) {
                return Optional.empty();
            }
            try (Stream<Path> children = Files.list(dir)) {
                return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                        .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                        .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
            }
        } catch (IOException e) {
            throw new DeployException("cannot read the checkpoints of " + name + ": " + e.getMessage(), e);
        }
    }
}
