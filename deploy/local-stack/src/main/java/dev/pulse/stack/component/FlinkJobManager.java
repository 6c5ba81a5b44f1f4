package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.HttpHealth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The Flink 2.2 session cluster's JobManager, with the REST API and web UI. */
final class FlinkJobManager implements Component {

    private final StackContext context;
    private FlinkProcess.ResourceParams params;

    FlinkJobManager(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "flink-jobmanager";
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.ports().flinkRest(), context.ports().flinkRpc());
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public long memoryBytes() {
        return context.memory().flinkJobManager().bytes();
    }

    @Override
    public void prepare(StackContext context) throws IOException, InterruptedException {
        FlinkProcess.writeConfig(context);
        params = FlinkProcess.resourceParams(context, "GET_JM_RESOURCE_PARAMS");
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
                .main("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        arguments.toArray(String[]::new));
    }

    @Override
    public HealthCheck health() {
        return HttpHealth.ok("http://localhost:" + context.ports().flinkRest() + "/overview");
    }

    @Override
    public String url() {
        return "http://localhost:" + context.ports().flinkRest() + " (REST and web UI)";
    }
}
