package dev.pulse.model.druid;

/** A Druid auto-compaction config, ready to POST to {@code /druid/coordinator/v1/config/compaction}. */
public record CompactionConfig(String datasource, String json) {
}
