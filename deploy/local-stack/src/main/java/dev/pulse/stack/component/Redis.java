package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.LineProtocolHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Redis for the query router's cache: Debian's {@code redis-server}, installed on first use when possible. */
final class Redis implements Component {

    private final StackContext context;

    Redis(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.ports().redis());
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public long memoryBytes() {
        return context.memory().redis().bytes();
    }

    @Override
    public void prepare(StackContext context) throws IOException, InterruptedException {
        RedisInstaller.ensureInstalled(context.layout().log("redis-install"));
        Templates.render("redis/redis.conf", Map.of(
                "port", context.ports().redis(),
                "data", context.layout().data(name()),
                "maxmemory", context.memory().redis().jvm().toUpperCase(java.util.Locale.ROOT).replace("M", "mb")),
                config(context));
        java.nio.file.Files.createDirectories(context.layout().data(name()));
    }

    private Path config(StackContext context) {
        return context.layout().conf(name()).resolve("redis.conf");
    }

    @Override
    public List<String> command(StackContext context) {
        return List.of(RedisInstaller.executable(), config(context).toString());
    }

    @Override
    public HealthCheck health() {
        return LineProtocolHealth.redis(context.ports().redis());
    }

    @Override
    public String url() {
        return "redis://localhost:" + context.ports().redis();
    }
}
