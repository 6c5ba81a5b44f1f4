package dev.pulse.stack.component;

import java.util.ArrayList;
import java.util.List;

/** The components of the local stack, in start order (each after those it depends on). */
public final class Components {

    private Components() {
    }

    public static List<Component> of(StackContext context) {
        List<Component> components = new ArrayList<>(engines(context));
        services(context).stream().filter(PulseService::present).forEach(components::add);
        return List.copyOf(components);
    }

    private static List<Component> engines(StackContext context) {
        return List.of(
                new ZooKeeper(context),
                new Kafka(context),
                new Redis(context),
                new FlinkNode(context, FlinkNode.Role.JOBMANAGER),
                new DruidService(context, DruidService.Kind.COORDINATOR),
                new DruidService(context, DruidService.Kind.BROKER),
                new DruidService(context, DruidService.Kind.HISTORICAL),
                new DruidService(context, DruidService.Kind.INDEXER),
                new DruidService(context, DruidService.Kind.ROUTER),
                new FlinkNode(context, FlinkNode.Role.TASKMANAGER));
    }

    /** Pulse's own services; each joins the stack once its module exists in the checkout. */
    private static List<PulseService> services(StackContext context) {
        var ports = context.ports();
        return List.of(
                // the parallel collector: 56,700 against G1's 44,500 events/s over HTTP on two cores; transparent huge
                // pages for its heap, through which a request's bodies and records stream: 11 % less CPU per event side
                // by side (docs/benchmarks.md, ingest throughput)
                new PulseService(context, "ingest-service", ports.ingest(), List.of("kafka"),
                        List.of("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages")),
                new PulseService(context, "query-router", ports.queryRouter(), List.of("druid-broker", "redis")));
    }
}
