package dev.pulse.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps everything: {@code var/} under the repository root (git-ignored).
 * <pre>
 * var/lib/&lt;engine&gt;    jars resolved by Maven        var/conf/&lt;component&gt;  generated configuration
 * var/data/&lt;component&gt; state (Kafka log, segments)  var/logs/&lt;component&gt;.log
 * var/run/&lt;component&gt;.pid
 * </pre>
 */
public record StackLayout(Path root) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The repository root: {@code $PULSE_HOME}, else the nearest directory upwards holding {@link StackConfigLoader#FILE}. */
    public static StackLayout discover() {
        String home = System.getenv("PULSE_HOME");
        if (home != null && !home.isBlank()) {
            return new StackLayout(Path.of(home));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(StackConfigLoader.FILE))) {
                return new StackLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the Pulse repository: no " + StackConfigLoader.FILE
                + " here or above; run from the repository or set PULSE_HOME");
    }

    public Path var() {
        return root.resolve("var");
    }

    public Path lib(String engine) {
        return var().resolve("lib").resolve(engine);
    }

    public Path conf(String component) {
        return var().resolve("conf").resolve(component);
    }

    public Path data(String component) {
        return var().resolve("data").resolve(component);
    }

    public Path logs() {
        return var().resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return var().resolve("run").resolve(component + ".pid");
    }
}
