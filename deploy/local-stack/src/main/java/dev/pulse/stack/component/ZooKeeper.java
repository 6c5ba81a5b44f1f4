package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.LineProtocolHealth;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** ZooKeeper for Druid's service discovery, run from Druid's own classpath (it ships the server). */
final class ZooKeeper implements Component {

    private final StackContext context;

    ZooKeeper(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.ports().zookeeper());
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public long memoryBytes() {
        return context.memory().zookeeper().bytes();
    }

    @Override
    public void prepare(StackContext context) throws IOException {
        Templates.render("zookeeper/zoo.cfg", Map.of(
                "data", context.layout().data(name()),
                "port", context.ports().zookeeper()), context.layout().conf(name()).resolve("zoo.cfg"));
        Templates.writeLog4j(context.layout().conf(name()).resolve("log4j2.xml"));
    }

    @Override
    public List<String> command(StackContext context) {
        var conf = context.layout().conf(name());
        return new JvmCommand(context, this)
                .heap(context.memory().zookeeper().jvm())
                .lightweight()
                .log4j(conf.resolve("log4j2.xml"))
                .classpath(context.layout().lib("druid") + "/*")
                .main("org.apache.zookeeper.server.quorum.QuorumPeerMain", conf.resolve("zoo.cfg").toString());
    }

    @Override
    public HealthCheck health() {
        return LineProtocolHealth.zookeeper(context.ports().zookeeper());
    }
}
