package dev.pulse.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobsCheckpointTest {

    @TempDir
    Path dir;

    private FlinkJobs jobs() {
        return new FlinkJobs("http://localhost:1", null, dir.resolve("jar"), dir.resolve("checkpoints"),
                dir.resolve("savepoints"), dir.resolve("jobids"), 1, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void resumesFromTheNewestCompleteCheckpointOfThePreviousRun() throws Exception {
        Path job = dir.resolve("checkpoints").resolve("abc");
        Files.createDirectories(job.resolve("chk-9"));
        Files.writeString(job.resolve("chk-9").resolve("_metadata"), "x");
        Files.createDirectories(job.resolve("chk-12"));
        Files.writeString(job.resolve("chk-12").resolve("_metadata"), "x");
        Files.createDirectories(job.resolve("chk-13")); // still being written: no _metadata
        Files.createDirectories(dir.resolve("jobids"));
        Files.writeString(dir.resolve("jobids").resolve("pulse-rollup.jobid"), "abc 0123abcd\n");

        assertThat(jobs().lastCheckpoint("pulse-rollup")).contains(job.resolve("chk-12"));
    }

    @Test
    void startsAfreshWithoutAPreviousRun() throws Exception {
        assertThat(jobs().lastCheckpoint("pulse-clean")).isEmpty();
    }
}
