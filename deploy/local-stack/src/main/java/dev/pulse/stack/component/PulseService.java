package dev.pulse.stack.component;

import dev.pulse.stack.config.MemorySize;
import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.HttpHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Pulse Spring Boot service run from its module's executable jar ({@code <module>/target/<module>.jar}, copied
 * to {@code var/lib/services/} at start) with the {@code local} profile, healthy when {@code /actuator/health}
 * says UP.
 */
final class PulseService implements Component {

    private final StackContext context;
    private final String module;
    private final int port;
    private final MemorySize heap;
    private final List<String> dependsOn;
    private final List<String> jvmFlags;

    PulseService(StackContext context, String module, int port, List<String> dependsOn) {
        this(context, module, port, dependsOn, List.of());
    }

    /** @param jvmFlags flags for this service's JVM, measured for it (see the module's README) */
    PulseService(StackContext context, String module, int port, List<String> dependsOn, List<String> jvmFlags) {
        this.context = context;
        this.module = module;
        this.port = port;
        this.heap = context.memory().services();
        this.dependsOn = List.copyOf(dependsOn);
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /** Whether the module exists in this checkout; services are added to the stack as their modules appear. */
    boolean present() {
        return Files.isRegularFile(context.layout().root().resolve(module).resolve("pom.xml"));
    }

    private Path jar() {
        return context.layout().root().resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The copy the process runs: a rebuild rewrites target/ under a running service, which must not see it. */
    private Path runningJar() {
        return context.layout().lib("services").resolve(module + ".jar");
    }

    @Override
    public String name() {
        return module;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public List<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public long memoryBytes() {
        return heap.bytes() + (200L << 20);
    }

    @Override
    public void prepare(StackContext context) throws IOException {
        if (!Files.isRegularFile(jar())) {
            throw new IOException(jar() + " is missing: build it with ./pulse build (./pulse up builds it when run"
                    + " from the repository root)");
        }
        Files.createDirectories(runningJar().getParent());
        Files.copy(jar(), runningJar(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public List<String> command(StackContext context) {
        return new JvmCommand(context, this)
                .heap(heap.jvm())
                .flags(jvmFlags)
                .flag("-Dpulse.home=" + context.layout().root())
                .flag("-jar")
                .main(runningJar().toString(), "--server.port=" + port, "--spring.profiles.active=local");
    }

    @Override
    public HealthCheck health() {
        return HttpHealth.body("http://localhost:" + port + "/actuator/health", body -> body.contains("\"UP\""),
                "/actuator/health to say UP");
    }

    @Override
    public String url() {
        return "http://localhost:" + port;
    }
}
