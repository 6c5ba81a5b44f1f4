package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.HttpHealth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one TaskManager of the local Flink session cluster. */
final class FlinkTaskManager implements Component {

    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");

    private final StackContext context;
    private FlinkProcess.ResourceParams params;

    FlinkTaskManager(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "flink-taskmanager";
    }

    @Override
    public List<Integer> ports() {
        return List.of();
    }

    @Override
    public List<String> dependsOn() {
        return List.of("flink-jobmanager");
    }

    @Override
    public long memoryBytes() {
        return context.memory().flinkTaskManager().bytes();
    }

    @Override
    public void prepare(StackContext context) throws IOException, InterruptedException {
        FlinkProcess.writeConfig(context);
        params = FlinkProcess.resourceParams(context, "GET_TM_RESOURCE_PARAMS");
    }

    @Override
    public List<String> command(StackContext context) {
        List<String> arguments = new ArrayList<>(List.of("--configDir", FlinkProcess.conf(context).toString()));
        arguments.addAll(params.dynamicProperties());
        return new JvmCommand(context, this)
                .flags(params.jvmFlags())
                .flag("-Dlog.file=" + context.layout().log(name()))
                .log4j(FlinkProcess.conf(context).resolve("log4j2.xml"))
                .classpath(FlinkProcess.classpath(context))
                .main("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", arguments.toArray(String[]::new));
    }

    /** Healthy once the JobManager counts a registered TaskManager (this launcher starts exactly one). */
    @Override
    public HealthCheck health() {
        HttpHealth overview = HttpHealth.body("http://localhost:" + context.ports().flinkRest() + "/overview",
                body -> {
                    Matcher m = TASK_MANAGERS.matcher(body);
                    return m.find() && Integer.parseInt(m.group(1)) > 0;
                }, "registration with the JobManager");
        return overview;
    }
}
