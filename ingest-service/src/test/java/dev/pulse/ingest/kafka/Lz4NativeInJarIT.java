package dev.pulse.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The producer compresses with lz4's native codec inside the service's Spring Boot jar, not only on a plain class
 * path (where every other test runs). Runs {@link Lz4NativeProbe} with the jar's own class loader.
 */
class Lz4NativeInJarIT {

    @Test
    void theNativeCodecIsLoadedInsideTheBootJar() throws IOException, InterruptedException {
        Path jar = Path.of("target/ingest-service.jar");
        assertThat(jar).as("the packaged service (mvn package)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "-cp", jar.toString(),
                "-Dloader.main=" + Lz4NativeProbe.class.getName(),
                // the probe itself comes from the test classes; everything else from the jar, in its class loader
                "-Dloader.path=" + Path.of("target/test-classes").toAbsolutePath(),
                "org.springframework.boot.loader.launch.PropertiesLauncher")
                .redirectErrorStream(true).start();
        boolean exited = probe.waitFor(60, TimeUnit.SECONDS);
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            probe.destroyForcibly();
        }
        assertThat(exited).as(output).isTrue();
        // before: what Kafka's LZ4Factory.fastestInstance() gives in the jar's class loader by itself; it also shows
        // that the probe ran in that class loader (on the system one it would be JNI from the start)
        assertThat(output).as(output).contains("before LZ4Factory:JavaSafe").contains("after LZ4Factory:JNI");
    }
}
