package dev.pulse.stack.run;

import dev.pulse.stack.component.Component;
import dev.pulse.stack.component.StackContext;
import dev.pulse.stack.config.MemorySize;
import dev.pulse.stack.process.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What must hold before anything starts: free ports and enough memory. Says exactly what is wrong. */
final class Preflight {

    /** Room left for the operating system, Maven and the Pulse services beside the engines. */
    private static final long HEADROOM = 2L << 30;

    private final StackContext context;
    private final PrintStream out;

    Preflight(StackContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    boolean check(List<Component> toStart) {
        List<String> problems = new ArrayList<>();
        for (Component component : toStart) {
            for (int port : component.ports()) {
                if (Ports.inUse(port)) {
                    String owner = Ports.owner(port).orElse("another process");
                    String hint = owner.contains("-Dpulse.component=")
                            ? " It looks like a Pulse component whose pid file under var/run was lost: stop it by its pid."
                            : " Stop it, or change the port in config/stack.local.properties.";
                    problems.add("port " + port + " (" + component.name() + ") is already in use by " + owner + "." + hint);
                }
            }
        }
        long needed = toStart.stream().mapToLong(Component::memoryBytes).sum();
        long available = availableMemory();
        if (needed > 0 && available > 0 && needed + HEADROOM > available) {
            problems.add("too little memory: the components to start need about " + new MemorySize(needed)
                    + " plus " + new MemorySize(HEADROOM) + " of headroom, and " + new MemorySize(available)
                    + " is available. Free memory, or lower the heap.* and process.* sizes in config/stack.local.properties.");
        }
        if (!problems.isEmpty()) {
            out.println("Cannot start the local stack:");
            problems.forEach(p -> out.println("  - " + p));
        }
        return problems.isEmpty();
    }

    /** MemAvailable from /proc/meminfo; 0 when unknown (not Linux), which skips the check. */
    private static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
