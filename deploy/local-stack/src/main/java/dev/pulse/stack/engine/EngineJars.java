package dev.pulse.stack.engine;

import dev.pulse.stack.config.StackLayout;
import dev.pulse.stack.process.Spawner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the engines' jars from Maven Central into {@code var/lib/} with the project's own Maven, once per set
 * of versions and component poms (deploy/local-stack/components/pom.xml and its modules say which artifacts).
 */
public final class EngineJars {

    static final String COMPONENTS_POM = "deploy/local-stack/components/pom.xml";
    private static final List<String> FOLDERS = List.of("druid", "druid-extensions", "kafka", "flink");

    private final StackLayout layout;
    private final EngineVersions versions;

    public EngineJars(StackLayout layout, EngineVersions versions) {
        this.layout = layout;
        this.versions = versions;
    }

    private Path marker() {
        return layout.var().resolve("lib/.resolved");
    }

    /**
     * The versions, and a digest of the component poms: a checkout whose poms changed (an artifact added or left out)
     * resolves again rather than run on the jars an older pom chose.
     */
    private String fingerprint() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        Path components = layout.root().resolve(COMPONENTS_POM).getParent();
        try (Stream<Path> poms = Files.walk(components)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).sorted().toList()) {
                digest.update(components.relativize(pom).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(pom));
            }
        }
        return versions.fingerprint() + " poms=" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** What the marker says var/lib holds, or nothing when there is none. */
    private String resolved() {
        try {
            return Files.exists(marker()) ? Files.readString(marker()).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    public void ensure(PrintStream out) throws IOException, InterruptedException {
        String fingerprint = fingerprint();
        if (resolved().equals(fingerprint)) {
            return;
        }
        for (String folder : FOLDERS) {
            deleteTree(layout.var().resolve("lib").resolve(folder));
        }
        Path log = layout.log("maven-engines");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(maven(), "-B", "-f", layout.root().resolve(COMPONENTS_POM).toString(),
                "-Dpulse.lib=" + layout.var().resolve("lib"),
                "-Ddruid.version=" + versions.druid(), "-Dkafka.version=" + versions.kafka(),
                "-Dflink.version=" + versions.flink(), "-Dlz4-java.version=" + versions.lz4Java(),
                "dependency:copy-dependencies");
        out.printf("Resolving engine jars with Maven (%s); the first run downloads about 260 MB. Log: %s%n",
                fingerprint, log);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (process.isAlive()) {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            if (process.isAlive()) {
                out.printf("  still resolving ... %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        if (process.exitValue() != 0) {
            throw new IOException("Maven could not resolve the engine jars (exit " + process.exitValue() + "). Last lines of "
                    + log + ":\n" + Spawner.tail(log, 25));
        }
        Files.writeString(marker(), fingerprint + "\n");
        out.printf("Engine jars ready in %d s.%n", (System.nanoTime() - start) / 1_000_000_000L);
    }

    private static String maven() {
        String configured = System.getenv("PULSE_MAVEN");
        return configured == null || configured.isBlank() ? "mvn" : configured;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
