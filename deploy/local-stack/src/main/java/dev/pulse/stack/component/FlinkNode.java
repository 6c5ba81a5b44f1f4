package dev.pulse.stack.component;

import dev.pulse.stack.config.MemorySize;
import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.HttpHealth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process of the local Flink 2.2 session cluster: the JobManager (REST API and web UI) or the one TaskManager. */
final class FlinkNode implements Component {

    enum Role {
        JOBMANAGER("flink-jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"),
        TASKMANAGER("flink-taskmanager", "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");

        private final String name;
        private final String sizingCommand;
        private final String mainClass;

        Role(String name, String sizingCommand, String mainClass) {
            this.name = name;
            this.sizingCommand = sizingCommand;
            this.mainClass = mainClass;
        }
    }

    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");

    private final StackContext context;
    private final Role role;
    private FlinkProcess.ResourceParams params;

    FlinkNode(StackContext context, Role role) {
        this.context = context;
        this.role = role;
    }

    @Override
    public String name() {
        return role.name;
    }

    @Override
    public List<Integer> ports() {
        return role == Role.JOBMANAGER ? List.of(context.ports().flinkRest(), context.ports().flinkRpc()) : List.of();
    }

    @Override
    public List<String> dependsOn() {
        return role == Role.JOBMANAGER ? List.of() : List.of(Role.JOBMANAGER.name);
    }

    @Override
    public long memoryBytes() {
        MemorySize process = role == Role.JOBMANAGER ? context.memory().flinkJobManager() : context.memory().flinkTaskManager();
        return process.bytes();
    }

    @Override
    public void prepare(StackContext context) throws IOException, InterruptedException {
        FlinkProcess.writeConfig(context);
        params = FlinkProcess.resourceParams(context, role.sizingCommand);
    }

    @Override
    public List<String> command(StackContext context) {
        List<String> arguments = new ArrayList<>(List.of("--configDir", FlinkProcess.conf(context).toString()));
        arguments.addAll(params.dynamicProperties());
        JvmCommand command = new JvmCommand(context, this).flags(params.jvmFlags());
        if (role == Role.TASKMANAGER) {
            // the jobs' state (dedupe ids, windows) lives on this heap; on two cores the parallel collector let the
            // replay benchmark's jobs through 7 to 12 % faster than G1 (docs/benchmarks.md), as it did the ingest
            // service, and this heap is small enough (about 0.6 GB) for its full collections to stay short
            command.hugePages().flag("-XX:+UseParallelGC");
        }
        return command
                // the web UI shows this file as the process's log
                .flag("-Dlog.file=" + context.layout().log(name()))
                .log4j(FlinkProcess.conf(context).resolve("log4j2.xml"))
                .classpath(FlinkProcess.classpath(context))
                .main(role.mainClass, arguments.toArray(String[]::new));
    }

    /** The JobManager when its REST API answers; the TaskManager once the JobManager counts it (there is one). */
    @Override
    public HealthCheck health() {
        String overview = "http://localhost:" + context.ports().flinkRest() + "/overview";
        if (role == Role.JOBMANAGER) {
            return HttpHealth.ok(overview);
        }
        return HttpHealth.body(overview, body -> {
            Matcher m = TASK_MANAGERS.matcher(body);
            return m.find() && Integer.parseInt(m.group(1)) > 0;
        }, "registration with the JobManager");
    }

    @Override
    public String url() {
        return role == Role.JOBMANAGER ? "http://localhost:" + context.ports().flinkRest() + " (REST and web UI)" : "";
    }
}
