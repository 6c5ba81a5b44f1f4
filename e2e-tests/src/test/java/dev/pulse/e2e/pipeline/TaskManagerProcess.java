package dev.pulse.e2e.pipeline;

import dev.pulse.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The stack's Flink TaskManager, as the launcher recorded it in its pid file. */
final class TaskManagerProcess {

    private TaskManagerProcess() {
    }

    /**
     * The recorded TaskManager, when the pid file names a live process that is that TaskManager (a pid can be reused,
     * and the launcher may be restarting it).
     */
    static Optional<ProcessHandle> recorded() throws IOException {
        Path pidFile = LocalStack.discover().layout().pidFile("flink-taskmanager");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
        try {
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            return cmdline.contains("-Dpulse.component=flink-taskmanager") ? ProcessHandle.of(pid) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
