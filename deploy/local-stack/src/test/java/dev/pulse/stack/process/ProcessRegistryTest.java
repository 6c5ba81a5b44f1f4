package dev.pulse.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.config.StackLayout;
import dev.pulse.stack.health.Health;
import dev.pulse.stack.health.HealthCheck;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRegistryTest {

    @TempDir
    Path root;

    private static final Component SOME = new Component() {
        public String name() { return "some"; }
        public List<Integer> ports() { return List.of(); }
        public List<String> dependsOn() { return List.of(); }
        public long memoryBytes() { return 0; }
        public void prepare(StackContext context) { }
        public List<String> command(StackContext context) { return List.of(); }
        public HealthCheck health() { return Health::up; }
    };

    @Test
    void aRecordedLiveProcessIsRunning() {
        var registry = new ProcessRegistry(new StackLayout(root));
        registry.record(SOME, ProcessHandle.current());

        assertThat(registry.running(SOME)).contains(ProcessHandle.current());
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotOursAndTheStaleFileGoes() throws Exception {
        var layout = new StackLayout(root);
        Files.createDirectories(layout.pidFile("some").getParent());
        Files.writeString(layout.pidFile("some"), ProcessHandle.current().pid() + " 12345\n");

        assertThat(new ProcessRegistry(layout).running(SOME)).isEmpty();
        assertThat(layout.pidFile("some")).doesNotExist();
    }

    @Test
    void anUnreadablePidFileMeansNotRunning() throws Exception {
        var layout = new StackLayout(root);
        Files.createDirectories(layout.pidFile("some").getParent());
        Files.writeString(layout.pidFile("some"), "not a pid");

        assertThat(new ProcessRegistry(layout).running(SOME)).isEmpty();
    }

    @Test
    void findsWhoListensOnAPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            assertThat(Ports.inUse(port)).isTrue();
            assertThat(Ports.owner(port)).hasValueSatisfying(owner ->
                    assertThat(owner).startsWith("pid " + ProcessHandle.current().pid() + ":"));
        }
        assertThat(Ports.inUse(port)).isFalse();
    }
}
