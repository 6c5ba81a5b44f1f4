package dev.pulse.model;

import dev.pulse.model.event.EventFamily;
import java.util.Arrays;
import java.util.List;

/** Every Kafka topic name Pulse uses, in one place. */
public final class Topics {

    public static final String EVENTS_PREFIX = "events.";
    public static final String EVENTS_DLQ = "events.dlq";
    public static final String EVENTS_CLEAN = "events.clean";
    public static final String EVENTS_LATE = "events.late";
    public static final String ROLLUPS_1M = "rollups.1m";
    public static final String ROLLUPS_5M = "rollups.5m";
    public static final String ROLLUPS_1H_SLIDING = "rollups.1h_sliding";
    public static final String ROLLUPS_PROGRESS = "rollups.progress";
    public static final String ALERTS_TRANSITIONS = "alerts.transitions";

    /** Compacted topics that hold durable shared configuration and state. */
    public static final String CONFIG_DASHBOARDS = "config.dashboards";
    public static final String CONFIG_ALERT_RULES = "config.alert-rules";
    public static final String CONFIG_CHANNELS = "config.channels";
    /** Which physical datasource answers for each logical one (replay cutover), shared by every query router. */
    public static final String CONFIG_DATASOURCE_VERSIONS = "config.datasource-versions";
    public static final String ALERTS_STATE = "alerts.state";

    private Topics() {
    }

    public static String eventsOf(EventFamily family) {
        return EVENTS_PREFIX + family.id();
    }

    /** The raw event topics the ingest service writes, one per family. */
    public static List<String> rawEventTopics() {
        return Arrays.stream(EventFamily.values()).map(Topics::eventsOf).toList();
    }
}
