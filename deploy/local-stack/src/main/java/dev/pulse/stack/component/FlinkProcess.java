package dev.pulse.stack.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the Flink JobManager and TaskManager share: one configuration folder, one classpath, and the memory
 * arithmetic that flink-dist's shell scripts would do, asked of Flink's own {@code BashJavaUtils}.
 */
final class FlinkProcess {

    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private FlinkProcess() {
    }

    static Path conf(StackContext context) {
        return context.layout().conf("flink");
    }

    static String classpath(StackContext context) {
        return context.layout().lib("flink") + "/*";
    }

    static void writeConfig(StackContext context) throws IOException {
        Path data = context.layout().data("flink");
        Templates.render("flink/config.yaml", Map.of(
                "restPort", context.ports().flinkRest(),
                "rpcPort", context.ports().flinkRpc(),
                "jobManagerProcess", context.memory().flinkJobManager().jvm(),
                "taskManagerProcess", context.memory().flinkTaskManager().jvm(),
                "slots", context.memory().flinkTaskSlots(),
                "data", data), conf(context).resolve("config.yaml"));
        Templates.writeLog4j(conf(context).resolve("log4j2.xml"));
        Files.createDirectories(data.resolve("tmp"));
    }

    /**
     * Asks Flink for a process's JVM flags and dynamic properties (two result lines), as {@code jobmanager.sh}
     * and {@code taskmanager.sh} do.
     *
     * @param command {@code GET_JM_RESOURCE_PARAMS} or {@code GET_TM_RESOURCE_PARAMS}
     */
    static ResourceParams resourceParams(StackContext context, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(context.java(), "-cp", classpath(context),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", conf(context).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> results = output.lines().filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()).trim()).toList();
        if (process.waitFor() != 0 || results.size() < 2) {
            throw new IOException("Flink could not size its " + command + " process:\n" + output);
        }
        return new ResourceParams(split(results.get(0)), split(results.get(1)));
    }

    private static List<String> split(String line) {
        return new ArrayList<>(Arrays.stream(line.split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

    /** JVM flags (heap, direct, metaspace) and the {@code -D key=value} pairs that must follow the main class. */
    record ResourceParams(List<String> jvmFlags, List<String> dynamicProperties) {
    }
}
