package dev.pulse.model.druid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.Window;
import java.time.Duration;
import java.util.List;

/**
 * Druid auto-compaction of the rollup datasources, generated from the metric catalog like their supervisors.
 *
 * <p>Kafka ingestion leaves each hour of a rollup as its own segments, a cell often in several rows of them (one per
 * in-memory part the task persisted, one per early firing that came after a handoff). Compacting a settled day into
 * one day segment merges those rows, so a cell is one row: fewer rows and segments for every query, and the query
 * router reads such days' cells as stored rows, without merging sketches on the broker. {@code events_raw} is not
 * compacted: it has no rollup to complete, and rewriting every raw event would cost more than it saves.
 */
public final class CompactionConfigs {

    /**
     * How far a day's end must be behind the newest segment before it is compacted. Past the rollup job's allowed
     * lateness (1 hour by default) and the hour a Kafka task holds its rows before publishing them, so no more rows
     * arrive for a day once it is compacted; a later row (a longer lateness setting) is appended as a new segment
     * beside the day's (concurrent locks: neither task waits for the other), and the next compaction merges it.
     */
    static final Duration SKIP_OFFSET = Duration.ofHours(3);

    private CompactionConfigs() {
    }

    /** One config per catalog window's datasource, in catalog order. */
    public static List<CompactionConfig> fromCatalog(MetricCatalog catalog) {
        return catalog.windows().stream().map(CompactionConfigs::config).toList();
    }

    static CompactionConfig config(Window window) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("dataSource", window.datasource());
        config.put("skipOffsetFromLatest", SKIP_OFFSET.toString());
        // the rows keep their window's granularity, dimensions and aggregators (Druid reads those from the segments)
        config.putObject("granularitySpec").put("segmentGranularity", "DAY");
        config.putObject("tuningConfig").putObject("partitionsSpec").put("type", "dynamic");
        config.putObject("taskContext").put("useConcurrentLocks", true);
        return new CompactionConfig(window.datasource(), SupervisorSpecs.json(config));
    }
}
