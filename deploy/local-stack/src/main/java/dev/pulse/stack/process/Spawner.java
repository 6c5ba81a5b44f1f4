package dev.pulse.stack.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starts a component as a detached OS process that outlives the launcher, with its output in its log file. */
public final class Spawner {

    private Spawner() {
    }

    /**
     * Runs the command under {@code setsid}: the process gets its own session, so a Ctrl-C in the terminal
     * that ran {@code ./pulse up} does not reach it. setsid execs in place, so the pid is the component's.
     */
    public static ProcessHandle start(List<String> command, Path workingDirectory, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(workingDirectory);
        Files.writeString(log, "=== " + Instant.now() + " started by the Pulse launcher: " + String.join(" ", command)
                + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        Process process = new ProcessBuilder(detached)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return process.toHandle();
    }

    /** The last lines of a log, to show why a component died. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
