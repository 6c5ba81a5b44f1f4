package dev.pulse.stack.component;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds {@code redis-server} on the PATH, or installs Debian's package when this is a Debian-like machine and
 * we are root; otherwise stops with what exactly to install.
 */
final class RedisInstaller {

    private static final String EXECUTABLE = "redis-server";

    private RedisInstaller() {
    }

    static String executable() {
        return find().map(Path::toString).orElse(EXECUTABLE);
    }

    static void ensureInstalled(Path log) throws IOException, InterruptedException {
        if (find().isPresent()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
        if (!root || !apt) {
            throw new IOException("redis-server is not installed. Install it, then run ./pulse up again:\n"
                    + "    Debian/Ubuntu: sudo apt-get install -y redis-server\n"
                    + "    macOS:         brew install redis\n"
                    + "(./pulse up installs it by itself when run as root on Debian or Ubuntu)");
        }
        System.out.println("redis-server is missing: installing Debian's package (apt-get, one time) ...");
        Files.createDirectories(log.getParent());
        run(log, "apt-get", "update");
        run(log, "apt-get", "install", "-y", "--no-install-recommends", "redis-server");
        if (find().isEmpty()) {
            throw new IOException("apt-get installed redis-server but it is not on the PATH; see " + log);
        }
    }

    private static void run(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        // keep the package's own init script from starting a second Redis on our port
        builder.environment().put("RUNLEVEL", "1");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + exit + "); see " + log
                    + "\nInstall redis-server yourself (apt-get install -y redis-server) and run ./pulse up again.");
        }
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/sbin:/usr/local/bin";
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, EXECUTABLE)).filter(Files::isExecutable).findFirst();
    }
}
