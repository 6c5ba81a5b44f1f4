package dev.pulse.stack.deploy;

import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.druid.CompactionConfigs;
import dev.pulse.model.druid.SupervisorSpecs;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.config.StackLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./pulse up} does once the engines are healthy: creates the Pulse topics, runs the clean and rollup
 * Flink jobs, and submits the Druid supervisors and the rollups' auto-compaction, generated from the metric catalog.
 * Every step is idempotent. Skipped in a checkout without {@code flink-jobs/}.
 */
public final class PipelineDeploy {

    public static final String CLEAN_JOB = "pulse-clean";
    public static final String ROLLUP_JOB = "pulse-rollup";
    /** One slot per job on the local cluster: two of its four slots stay free for other work. */
    static final int LOCAL_PARALLELISM = 1;

    private final StackContext context;
    private final PrintStream out;

    public PipelineDeploy(StackContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    public static boolean present(StackLayout layout) {
        return Files.isRegularFile(layout.root().resolve("flink-jobs").resolve("pom.xml"));
    }

    public static Path jobJar(StackLayout layout) {
        return layout.root().resolve("flink-jobs").resolve("target").resolve("pulse-flink-jobs.jar");
    }

    public void run() throws DeployException {
        StackLayout layout = context.layout();
        var ports = context.ports();
        String bootstrap = "localhost:" + ports.kafka();
        out.println("Deploying the pipeline (topics, Flink jobs, Druid supervisors) ...");
        new PulseTopics(bootstrap, out).ensure();

        Path catalogFile = layout.root().resolve(CatalogLoader.DEFAULT_LOCATION);
        MetricCatalog catalog = CatalogLoader.load(catalogFile);
        List<String> common = List.of("--bootstrap", bootstrap);
        FlinkCli cli = new FlinkCli(context.java(), layout.lib("flink"), layout.conf("flink"),
                layout.log("flink-client"));
        new FlinkJobs("http://localhost:" + ports.flinkRest(), cli, jobJar(layout),
                layout.data("flink").resolve("checkpoints"), layout.data("flink").resolve("savepoints"), layout.var().resolve("run").resolve("flink-jobs"),
                LOCAL_PARALLELISM, out)
                .ensureRunning(List.of(
                        new FlinkJobs.Job(CLEAN_JOB, "dev.pulse.flink.clean.CleanJob", common),
                        new FlinkJobs.Job(ROLLUP_JOB, "dev.pulse.flink.rollup.RollupJob",
                                concat(common, List.of("--catalog", catalogFile.toString())))));

        DruidSpecs druid = new DruidSpecs("http://localhost:" + ports.druidCoordinator(), out);
        druid.submitSupervisors(SupervisorSpecs.fromCatalog(catalog, bootstrap));
        druid.submitCompaction(CompactionConfigs.fromCatalog(catalog));
        out.println("Pipeline deployed.");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
