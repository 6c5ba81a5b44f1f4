package dev.pulse.stack.config;

import java.time.Duration;

/** The local stack's settings, parsed once from {@code config/stack.properties} by {@link StackConfigLoader}. */
public record StackConfig(Ports ports, Memory memory, Timeouts timeouts) {

    public record Ports(
            int zookeeper, int kafka, int kafkaController,
            int druidCoordinator, int druidBroker, int druidHistorical, int druidIndexer, int druidRouter,
            int druidMetadata, int flinkRest, int flinkRpc, int redis,
            int ingest, int queryRouter, int dashboardApi, int alerting) {
    }

    public record Memory(
            MemorySize zookeeper, MemorySize kafka,
            MemorySize druidCoordinator, MemorySize druidBroker, MemorySize druidHistorical,
            MemorySize druidIndexer, MemorySize druidRouter, MemorySize druidDirect,
            MemorySize flinkJobManager, MemorySize flinkTaskManager, int flinkTaskSlots,
            MemorySize redis, MemorySize services) {
    }

    public record Timeouts(Duration start, Duration stop) {
    }
}
