package dev.pulse.stack.component;

import dev.pulse.stack.config.MemorySize;
import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.HttpHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Druid 33 service, all from the same {@code var/lib/druid} classpath with a per-service configuration folder. */
final class DruidService implements Component {

    /** The Druid services of the local stack; the coordinator also acts as the overlord. */
    enum Kind {
        COORDINATOR, BROKER, HISTORICAL, INDEXER, ROUTER;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Druid's own start scripts pass these on Java 17; without them sketch queries fail with
     * IllegalAccessError on sun.nio.ch.DirectBuffer.
     */
    private static final List<String> JAVA_17_FLAGS = List.of(
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final StackContext context;
    private final Kind kind;

    DruidService(StackContext context, Kind kind) {
        this.context = context;
        this.kind = kind;
    }

    @Override
    public String name() {
        return "druid-" + kind.id();
    }

    int port() {
        var ports = context.ports();
        return switch (kind) {
            case COORDINATOR -> ports.druidCoordinator();
            case BROKER -> ports.druidBroker();
            case HISTORICAL -> ports.druidHistorical();
            case INDEXER -> ports.druidIndexer();
            case ROUTER -> ports.druidRouter();
        };
    }

    private MemorySize heap() {
        var memory = context.memory();
        return switch (kind) {
            case COORDINATOR -> memory.druidCoordinator();
            case BROKER -> memory.druidBroker();
            case HISTORICAL -> memory.druidHistorical();
            case INDEXER -> memory.druidIndexer();
            case ROUTER -> memory.druidRouter();
        };
    }

    /** The services that process queries need direct memory for their processing buffers. */
    private boolean processesQueries() {
        return kind == Kind.BROKER || kind == Kind.HISTORICAL || kind == Kind.INDEXER;
    }

    @Override
    public List<Integer> ports() {
        return kind == Kind.COORDINATOR ? List.of(port(), context.ports().druidMetadata()) : List.of(port());
    }

    @Override
    public List<String> dependsOn() {
        return List.of("zookeeper");
    }

    /**
     * Druid's ZooKeeper client retries until ZooKeeper answers, so the services start beside ZooKeeper rather than
     * after it: on two cores that is about ten seconds off ./pulse up. They still stop before it (a Druid service
     * whose ZooKeeper is gone hangs in its shutdown).
     */
    @Override
    public boolean waitsForHealthyDependencies() {
        return false;
    }

    @Override
    public long memoryBytes() {
        return heap().bytes() + (processesQueries() ? context.memory().druidDirect().bytes() : 0) + (200L << 20);
    }

    @Override
    public void prepare(StackContext context) throws IOException {
        Path druidConf = context.layout().conf("druid");
        Map<String, Object> values = new HashMap<>();
        values.put("data", context.layout().data("druid"));
        values.put("extensions", context.layout().lib("druid-extensions"));
        values.put("zookeeperPort", context.ports().zookeeper());
        values.put("metadataPort", context.ports().druidMetadata());
        values.put("port", port());
        values.put("brokerPort", context.ports().druidBroker());
        values.put("kafkaPort", context.ports().kafka());
        Templates.render("druid/_common/common.runtime.properties", values,
                druidConf.resolve("_common/common.runtime.properties"));
        Templates.writeLog4j(druidConf.resolve("_common/log4j2.xml"));
        Templates.render("druid/" + kind.id() + "/runtime.properties", values,
                druidConf.resolve(kind.id()).resolve("runtime.properties"));
    }

    @Override
    public List<String> command(StackContext context) {
        Path druidConf = context.layout().conf("druid");
        JvmCommand command = new JvmCommand(context, this).heap(heap().jvm()).flags(JAVA_17_FLAGS);
        if (kind == Kind.COORDINATOR || kind == Kind.ROUTER) {
            command.lightweight();
        }
        if (processesQueries()) {
            command.flag("-XX:MaxDirectMemorySize=" + context.memory().druidDirect().jvm());
        }
        return command
                .flag("-Djava.io.tmpdir=" + context.layout().data("druid").resolve("tmp"))
                .flag("-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager")
                .log4j(druidConf.resolve("_common/log4j2.xml"))
                .classpath(druidConf.resolve("_common").toString(), druidConf.resolve(kind.id()).toString(),
                        context.layout().lib("druid") + "/*")
                .main("org.apache.druid.cli.Main", "server", kind.id());
    }

    @Override
    public HealthCheck health() {
        String base = "http://localhost:" + port();
        return switch (kind) {
            // the coordinator is also the overlord: ready when it leads, so supervisors can be submitted
            case COORDINATOR -> HttpHealth.body(base + "/druid/indexer/v1/isLeader", body -> body.contains("true"),
                    "overlord leadership");
            // the broker answers SQL only once it has a view of the segments
            case BROKER -> HttpHealth.ok(base + "/druid/broker/v1/readiness");
            default -> HttpHealth.body(base + "/status/health", "true"::equals, "health");
        };
    }

    @Override
    public String url() {
        return switch (kind) {
            case ROUTER -> "http://localhost:" + port() + " (APIs; the web console is not in Maven Central)";
            case BROKER -> "jdbc:avatica:remote:url=http://localhost:" + port() + "/druid/v2/sql/avatica/";
            case COORDINATOR -> "http://localhost:" + port() + " (coordinator and overlord)";
            default -> "";
        };
    }
}
