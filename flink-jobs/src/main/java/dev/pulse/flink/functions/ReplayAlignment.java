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
 * alignment the source pauses partitions more than {@link Settings#maxDrift} ahead of the slowest one.
 *
 * <p>The drift also bounds how fast a replay can go: a partition that reached the allowed drift waits for the next
 * alignment update (every {@link Settings#updateInterval}) to go on, so a replay advances at most about
 * {@code maxDrift / updateInterval} of event time per second. At 1 minute and 200 ms that is 5 minutes a second:
 * for a backlog of 231 events per second of event time (the replay benchmark's), 69,000 events/s, which is what
 * the clean job measured. The drift must stay well inside the rollup's allowed lateness (1 hour), since
 * {@code events.clean} interleaves that much event time.
 *
 * <p>The watermark is the newest Kafka timestamp (the event time) seen, but never ahead of the clock: a live event
 * stamped in the future must not pause its partition until the others catch up with it. Partitions without
 * records for {@link Settings#idleness} do not hold the others back.
 *
 * <p>A partition is paused only when its watermark is seen past the allowed drift. Emitted only periodically (every
 * 200 ms), a partition of sparse events read at full speed ran far past it in between: a cold replay of 500,000
 * events over 6 hours put up to 200 minutes of disorder into {@code events.clean}, and thousands of events into
 * {@code events.late}. So the watermark is also emitted as the records are read, each time it moved by a
 * {@link #STEPS_PER_DRIFT}th of the drift: the partition pauses within that much event time of the limit, and the
 * readers report fresh watermarks at every alignment update. That is a few emissions per replayed minute of event
 * time, and one per {@code maxDrift / STEPS_PER_DRIFT} of live traffic.
 */
public final class ReplayAlignment implements WatermarkGenerator<RawRecord> {

    private static final String GROUP = "pulse-clean-raw-events";

    /**
     * @param maxDrift       how far in event time a partition may read ahead of the slowest one
     * @param updateInterval how often the readers learn of each other's progress
     * @param idleness       after this long without records a partition no longer holds the others back
     */
    public record Settings(Duration maxDrift, Duration updateInterval, Duration idleness)
            implements java.io.Serializable {

        /**
         * Well inside the rollup's allowed lateness (1 h). Allows up to 50 min of event time a second; a replay of
         * sparse data measured about 12 (each step waits for a report, the coordinator and its announcement).
         */
        public static final Settings DEFAULT =
                new Settings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    /** How many watermarks a partition emits, as it reads, per drift of event time. */
    static final int STEPS_PER_DRIFT = 10;

    private final long step;
    private long newest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    ReplayAlignment(Duration maxDrift) {
        this.step = Math.max(1, maxDrift.toMillis() / STEPS_PER_DRIFT);
    }

    public static WatermarkStrategy<RawRecord> strategy(Settings settings) {
        Duration maxDrift = settings.maxDrift();
        return WatermarkStrategy.<RawRecord>forGenerator(context -> new ReplayAlignment(maxDrift))
                .withTimestampAssigner((record, kafkaTimestamp) -> record.timestamp())
                .withIdleness(settings.idleness())
                .withWatermarkAlignment(GROUP, settings.maxDrift(), settings.updateInterval());
    }

    @Override
    public void onEvent(RawRecord record, long eventTimestamp, WatermarkOutput output) {
        newest = Math.max(newest, Math.min(eventTimestamp, System.currentTimeMillis()));
        if (emitted == Long.MIN_VALUE || newest - emitted >= step) {
            emit(output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (newest != Long.MIN_VALUE) {
            emit(output);
        }
    }

    private void emit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(newest - 1));
        emitted = newest;
    }
}
