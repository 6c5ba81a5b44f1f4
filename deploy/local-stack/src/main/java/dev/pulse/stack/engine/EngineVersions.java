package dev.pulse.stack.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Druid, Kafka and Flink versions, and the lz4-java put in Flink's lib, filled in from the root pom when the launcher
 * was built.
 */
public record EngineVersions(String druid, String kafka, String flink, String lz4Java) {

    public static EngineVersions bundled() {
        Properties p = new Properties();
        try (InputStream in = EngineVersions.class.getResourceAsStream("/stack-versions.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("stack-versions.properties is missing from the launcher"));
        }
        return new EngineVersions(p.getProperty("druid.version"), p.getProperty("kafka.version"),
                p.getProperty("flink.version"), p.getProperty("lz4-java.version"));
    }

    /** The same text for the same versions: the marker that says var/lib holds them. */
    public String fingerprint() {
        return "druid=" + druid + " kafka=" + kafka + " flink=" + flink + " lz4-java=" + lz4Java;
    }
}
