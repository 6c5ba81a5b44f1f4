package dev.pulse.stack.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@code java} command line step by step, so each component states only what differs. */
final class JvmCommand {

    private final List<String> args = new ArrayList<>();

    JvmCommand(StackContext context, Component component) {
        args.add(context.java());
        // names the process in ps and top
        args.add("-Dpulse.component=" + component.name());
        args.add("-Duser.timezone=UTC");
        args.add("-Dfile.encoding=UTF-8");
        // a process that ran out of memory is better dead (and reported by ./pulse status) than limping
        args.add("-XX:+ExitOnOutOfMemoryError");
    }

    JvmCommand heap(String size) {
        args.add("-Xms" + size);
        args.add("-Xmx" + size);
        return this;
    }

    /**
     * For services that coordinate rather than crunch (ZooKeeper, the Druid coordinator and router): the C1
     * compiler alone, and a serial collector. They start faster and leave the two cores to the query and
     * streaming processes that need the optimising compiler.
     */
    JvmCommand lightweight() {
        args.add("-XX:TieredStopAtLevel=1");
        args.add("-XX:+UseSerialGC");
        return this;
    }

    /**
     * Backs the heap with 2 MB pages where the kernel offers them ({@code madvise} or {@code always}): a process
     * whose state is a large hash table (the dedupe ids) misses the TLB on almost every lookup with 4 KB pages.
     * The replay benchmark's jobs ran 40 % faster with it (docs/benchmarks.md). Where the kernel has none, the JVM
     * prints a warning and runs as before.
     */
    JvmCommand hugePages() {
        args.add("-XX:+UseTransparentHugePages");
        return this;
    }

    JvmCommand flag(String flag) {
        args.add(flag);
        return this;
    }

    JvmCommand flags(List<String> flags) {
        args.addAll(flags);
        return this;
    }

    JvmCommand log4j(Path config) {
        args.add("-Dlog4j.configurationFile=" + config.toUri());
        args.add("-Dlog4j2.configurationFile=" + config.toUri());
        return this;
    }

    JvmCommand classpath(String... entries) {
        args.add("-cp");
        args.add(String.join(":", entries));
        return this;
    }

    /** The main class, or after {@code -jar} the jar, then its arguments. */
    List<String> main(String mainClass, String... arguments) {
        args.add(mainClass);
        args.addAll(List.of(arguments));
        return List.copyOf(args);
    }
}
