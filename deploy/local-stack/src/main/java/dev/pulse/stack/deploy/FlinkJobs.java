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
 * state survive {@code ./pulse down} and {@code up}. A running job whose jar has been rebuilt since it was submitted
 * is stopped with a savepoint and resubmitted from it, so {@code ./pulse up} rolls out a new build without loss.
 */
final class FlinkJobs {

    /** A job of the flink-jobs jar. */
    record Job(String name, String entryClass, List<String> args) {
    }

    private static final Set<String> ALIVE = Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "RECONCILING");

    private final String restUrl;
    private final Path jar;
    private final Path checkpoints;
    private final Path savepoints;
    private final Path jobIds;
    private final int parallelism;
    private final FlinkCli cli;
    private final PrintStream out;

    FlinkJobs(String restUrl, FlinkCli cli, Path jar, Path checkpoints, Path savepoints, Path jobIds,
              int parallelism, PrintStream out) {
        this.savepoints = savepoints;
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
            if (alive.isEmpty()) {
                run(job, lastCheckpoint(job.name()));
                continue;
            }
            String jid = alive.get().path("jid").asText();
            Optional<Submission> submitted = submission(job.name());
            if (submitted.isPresent() && submitted.get().jid().equals(jid) && Files.isRegularFile(jar)
                    && !submitted.get().jarDigest().equals(digest(jar))) {
                out.println("  flink: " + job.name() + " runs an older build of " + jar.getFileName()
                        + ": stopping it with a savepoint to upgrade");
                run(job, Optional.of(stopWithSavepoint(job.name(), jid)));
            } else {
                out.println("  flink: " + job.name() + " already " + alive.get().path("state").asText() + " (" + jid + ")");
            }
        }
    }

    /** What the deploy step last submitted for a job: its id and the digest of the jar it ran. */
    record Submission(String jid, String jarDigest) {
    }

    private Optional<Submission> submission(String name) throws DeployException {
        Path file = jobIdFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            return Optional.of(new Submission(parts[0], parts.length > 1 ? parts[1] : ""));
        } catch (IOException e) {
            throw new DeployException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path stopWithSavepoint(String name, String jid) throws DeployException {
        String body = Rest.JSON.createObjectNode().put("targetDirectory", savepoints.toUri().toString())
                .put("drain", false).toString();
        String trigger = Rest.postJson(restUrl + "/jobs/" + jid + "/stop", body).path("request-id").asText();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonNode status = Rest.get(restUrl + "/jobs/" + jid + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.hasNonNull("location")) {
                    return Path.of(java.net.URI.create(operation.path("location").asText()));
                }
                throw new DeployException("stopping " + name + " with a savepoint failed: "
                        + operation.path("failure-cause"));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployException("interrupted while stopping " + name, e);
            }
        }
        throw new DeployException("stopping " + name + " with a savepoint did not finish within 3 minutes");
    }

    static String digest(Path file) throws DeployException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new DeployException("cannot read " + file + ": " + e.getMessage(), e);
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

    private void run(Job job, Optional<Path> checkpoint) throws DeployException {
        if (!Files.isRegularFile(jar)) {
            throw new DeployException(jar + " is missing: build it with ./pulse build (or mvn -pl flink-jobs -am"
                    + " package -DskipTests)");
        }
        String jid;
        try {
            jid = cli.run(job.entryClass(), jar, parallelism, checkpoint, job.args());
        } catch (DeployException e) {
            String hint = checkpoint.map(c -> "; it tried to resume from " + c + ": if that checkpoint is unusable,"
                    + " delete " + jobIdFile(job.name()) + " to start the job afresh").orElse("");
            throw new DeployException("starting the Flink job " + job.name() + " failed: " + e.getMessage() + hint, e);
        }
        remember(job.name(), jid + " " + digest(jar));
        out.println("  flink: " + job.name() + " submitted (" + jid + ")"
                + checkpoint.map(c -> ", resumed from " + c).orElse(""));
    }

    private Path jobIdFile(String name) {
        return jobIds.resolve(name + ".jobid");
    }

    private void remember(String name, String line) throws DeployException {
        try {
            Files.createDirectories(jobIds);
            Files.writeString(jobIdFile(name), line + "\n");
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
            Path dir = checkpoints.resolve(Files.readString(file).trim().split("\\s+")[0]);
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
