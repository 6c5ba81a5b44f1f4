package dev.pulse.stack;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.Components;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.config.StackConfig;
import dev.pulse.stack.deploy.DeployException;
import dev.pulse.stack.deploy.PipelineDeploy;
import dev.pulse.stack.config.StackConfigLoader;
import dev.pulse.stack.config.StackLayout;
import dev.pulse.stack.engine.EngineJars;
import dev.pulse.stack.engine.EngineVersions;
import dev.pulse.stack.process.StackLock;
import dev.pulse.stack.run.StackDown;
import dev.pulse.stack.run.StackStatus;
import dev.pulse.stack.run.StackUp;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** The local stack as a library: what {@code ./pulse} and the test harness both drive. */
public final class LocalStack {

    private final StackContext context;
    private final List<Component> components;

    private LocalStack(StackContext context) {
        this.context = context;
        this.components = Components.of(context);
    }

    public static LocalStack at(StackLayout layout) {
        return new LocalStack(StackContext.of(layout, StackConfigLoader.load(layout.root())));
    }

    /** The stack of the repository this runs in (see {@link StackLayout#discover()}). */
    public static LocalStack discover() {
        return at(StackLayout.discover());
    }

    public StackConfig config() {
        return context.config();
    }

    public StackLayout layout() {
        return context.layout();
    }

    public List<String> componentNames() {
        return components.stream().map(Component::name).toList();
    }

    /** Whether any component's process is running (healthy or not), as recorded under var/run. */
    public boolean anyRunning() {
        return status().rows().stream().anyMatch(row -> row.pid() != null);
    }

    public boolean healthy() {
        return new StackStatus(context, components).allHealthy();
    }

    /**
     * Resolves the engines if needed, starts what is not running, then deploys the pipeline (topics, Flink jobs,
     * Druid supervisors) when the checkout has it. @return true when all is healthy and deployed
     */
    public boolean up(PrintStream out) throws IOException, InterruptedException {
        try (var lock = StackLock.acquire(context.layout(), out)) {
            new EngineJars(context.layout(), EngineVersions.bundled()).ensure(out);
            return new StackUp(context, components, out).run() && deployPipeline(out);
        }
    }

    /** Creates the topics, runs the Flink jobs and submits the Druid supervisors; each step is idempotent. */
    public boolean deployPipeline(PrintStream out) {
        if (!PipelineDeploy.present(context.layout())) {
            return true;
        }
        try {
            new PipelineDeploy(context, out).run();
            return true;
        } catch (DeployException e) {
            out.println("pulse: deploying the pipeline failed: " + e.getMessage());
            return false;
        }
    }

    public void down(PrintStream out) throws IOException, InterruptedException {
        try (var lock = StackLock.acquire(context.layout(), out)) {
            new StackDown(context, components, out).run();
        }
    }

    public StackStatus status() {
        return new StackStatus(context, components);
    }
}
