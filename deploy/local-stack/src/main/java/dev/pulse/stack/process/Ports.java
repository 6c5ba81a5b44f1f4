package dev.pulse.stack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Whether a local TCP port is taken, and by which process (read from /proc on Linux). */
public final class Ports {

    private static final String LISTEN = "0A";

    private Ports() {
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return listeningInode(port).isPresent();
        }
    }

    /** "pid 1234: java -cp ..." for the process listening on the port, when /proc tells. */
    public static Optional<String> owner(int port) {
        return listeningInode(port).flatMap(Ports::processWithSocket);
    }

    private static Optional<String> listeningInode(int port) {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].contains(":") && LISTEN.equals(f[3])) {
                        int local = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                        if (local == port) {
                            return Optional.of(f[9]);
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or the table is unreadable: the owner stays unknown
            }
        }
        return Optional.empty();
    }

    private static Optional<String> processWithSocket(String inode) {
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (target.equals(Files.readSymbolicLink(fd).toString())) {
                            long pid = Long.parseLong(proc.getFileName().toString());
                            String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
                            return Optional.of("pid " + pid + ": " + abbreviate(cmd));
                        }
                    }
                } catch (IOException e) {
                    // a process that ended meanwhile, or one we may not look into
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
