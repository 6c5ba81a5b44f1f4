package dev.pulse.stack.component;

import java.util.List;

/** The components of the local stack, in start order (each after those it depends on). */
public final class Components {

    private Components() {
    }

    public static List<Component> of(StackContext context) {
        return List.of(
                new ZooKeeper(context),
                new Kafka(context),
                new Redis(context),
                new FlinkJobManager(context),
                new DruidService(context, DruidService.Kind.COORDINATOR),
                new DruidService(context, DruidService.Kind.BROKER),
                new DruidService(context, DruidService.Kind.HISTORICAL),
                new DruidService(context, DruidService.Kind.INDEXER),
                new DruidService(context, DruidService.Kind.ROUTER),
                new FlinkTaskManager(context));
    }
}
