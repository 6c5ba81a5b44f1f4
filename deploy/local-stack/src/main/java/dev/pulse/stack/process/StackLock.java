package dev.pulse.stack.process;

import dev.pulse.stack.config.StackLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher at a time changes the stack: two {@code ./pulse up} (or a test harness and a person) starting the
 * same component at once would leave one process without a pid file. An OS file lock under var/run, released
 * by the OS if the holder dies.
 */
public final class StackLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static StackLock acquire(StackLayout layout, PrintStream out) throws IOException {
        Path file = layout.var().resolve("run").resolve("launcher.lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            out.println("Another ./pulse up or down is changing the stack; waiting for it to finish ...");
            lock = channel.lock();
        }
        return new StackLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
