package dev.pulse.model.druid;

/** A Druid Kafka supervisor spec, ready to POST to the overlord's {@code /druid/indexer/v1/supervisor}. */
public record SupervisorSpec(String datasource, String topic, String json) {
}
