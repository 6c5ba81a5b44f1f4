package dev.pulse.flink.functions;

import dev.pulse.flink.events.RawRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Keeps a replay of the raw event topics in event-time order. Read freely, a backlog's partitions advance at the
 * same bytes per second, not the same event time: a partition of {@code events.transaction} runs hours ahead of
 * one of {@code events.page_view}, {@code events.clean} interleaves those hours, and the rollup job's watermark
 * then sends most of the backlog to {@code events.late} (measured: 595,000 of 1,000,000 events). With watermark
 * alignment the source pauses partitions more than {@link #MAX_DRIFT} ahead of the slowest one.
 *
 * <p>The watermark is the newest Kafka timestamp (the event time) seen, but never ahead of the clock: a live event
 * stamped in the future must not pause its partition until the others catch up with it. Partitions without
 * records for {@link #IDLENESS} do not hold the others back.
 */
public final class ReplayAlignment implements WatermarkGenerator<RawRecord> {

    /** far inside the rollup's allowed lateness (1 h), and several rollup panes of slack for the readers */
    static final Duration MAX_DRIFT = Duration.ofMinutes(1);
    static final Duration IDLENESS = Duration.ofSeconds(10);
    /** a replay reads minutes of event time a second: the readers must learn of each other's progress often */
    static final Duration UPDATE_INTERVAL = Duration.ofMillis(200);
    private static final String GROUP = "pulse-clean-raw-events";

    private long newest = Long.MIN_VALUE;

    public static WatermarkStrategy<RawRecord> strategy() {
        return WatermarkStrategy.<RawRecord>forGenerator(context -> new ReplayAlignment())
                .withTimestampAssigner((record, kafkaTimestamp) -> record.timestamp())
                .withIdleness(IDLENESS)
                .withWatermarkAlignment(GROUP, MAX_DRIFT, UPDATE_INTERVAL);
    }

    @Override
    public void onEvent(RawRecord record, long eventTimestamp, WatermarkOutput output) {
        newest = Math.max(newest, Math.min(eventTimestamp, System.currentTimeMillis()));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (newest != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(newest - 1));
        }
    }
}
