package dev.pulse.stack.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.config.RepositoryConfig;
import dev.pulse.stack.config.StackConfigLoader;
import dev.pulse.stack.config.StackLayout;
import dev.pulse.stack.health.Health;
import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.process.ProcessRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives StackUp and StackDown over small real processes (shell commands) instead of the engines. */
class StackUpAndDownTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private StackContext context;
    private List<Component> started = List.of();

    private StackContext context(int startTimeoutSeconds) throws Exception {
        Properties properties = RepositoryConfig.properties();
        properties.setProperty("timeout.start.seconds", String.valueOf(startTimeoutSeconds));
        properties.setProperty("timeout.stop.seconds", "2");
        context = new StackContext(new StackLayout(root), StackConfigLoader.from(properties), "java");
        return context;
    }

    @AfterEach
    void stopLeftovers() throws Exception {
        if (context != null) {
            new StackDown(context, started, out).run();
        }
    }

    /** A component whose process is a shell script, healthy when a file exists under var/. */
    private Component script(String name, String script, List<String> dependsOn) {
        Path healthyFile = root.resolve("var").resolve(name + ".healthy");
        return new Component() {
            public String name() { return name; }
            public List<Integer> ports() { return List.of(); }
            public List<String> dependsOn() { return dependsOn; }
            public long memoryBytes() { return 0; }
            public void prepare(StackContext c) { }
            public List<String> command(StackContext c) {
                return List.of("bash", "-c", script.replace("HEALTHY", healthyFile.toString()));
            }
            public HealthCheck health() {
                return () -> Files.exists(healthyFile) ? Health.up() : Health.down("no " + healthyFile.getFileName());
            }
        };
    }

    @Test
    void startsInDependencyOrderAndASecondRunIsANoOp() throws Exception {
        StackContext context = context(20);
        Component base = script("base", "sleep 0.5; touch HEALTHY; exec sleep 60", List.of());
        // fails (exits) unless base is already healthy when it starts
        Component top = script("top", "test -e " + root.resolve("var/base.healthy") + " || exit 7; touch HEALTHY; exec sleep 60",
                List.of("base"));
        started = List.of(base, top);

        assertThat(new StackUp(context, started, out).run()).as(output.toString()).isTrue();
        assertThat(new ProcessRegistry(context.layout()).running(top)).isPresent();

        output.reset();
        assertThat(new StackUp(context, started, out).run()).isTrue();
        assertThat(output.toString()).contains("already running").contains("Nothing to do");
    }

    @Test
    void aComponentThatDiesDuringStartFailsWithTheEndOfItsLog() throws Exception {
        StackContext context = context(20);
        started = List.of(script("crashy", "echo 'Address already in use: bind'; exit 3", List.of()));

        assertThat(new StackUp(context, started, out).run()).isFalse();
        assertThat(output.toString()).contains("crashy failed: the process exited during start")
                .contains("Address already in use: bind");
    }

    @Test
    void aComponentThatNeverBecomesHealthyTimesOut() throws Exception {
        StackContext context = context(1);
        started = List.of(script("stuck", "exec sleep 60", List.of()));

        assertThat(new StackUp(context, started, out).run()).isFalse();
        assertThat(output.toString()).contains("stuck failed: not healthy after").contains("no stuck.healthy");
    }

    @Test
    void downStopsDependentsFirstAndKillsWhatIgnoresSigterm() throws Exception {
        StackContext context = context(20);
        Component base = script("base", "touch HEALTHY; exec sleep 60", List.of());
        Component stubborn = script("stubborn", "trap '' TERM; touch HEALTHY; while true; do sleep 0.2; done", List.of("base"));
        started = List.of(base, stubborn);
        assertThat(new StackUp(context, started, out).run()).as(output.toString()).isTrue();
        ProcessHandle stubbornProcess = new ProcessRegistry(context.layout()).running(stubborn).orElseThrow();

        output.reset();
        new StackDown(context, started, out).run();

        String log = output.toString();
        assertThat(log.indexOf("stopping stubborn")).isLessThan(log.indexOf("stopping base"));
        assertThat(log).contains("stubborn did not stop within 2 s: killing it");
        assertThat(stubbornProcess.isAlive()).isFalse();
        assertThat(new ProcessRegistry(context.layout()).running(base)).isEmpty();
    }
}
