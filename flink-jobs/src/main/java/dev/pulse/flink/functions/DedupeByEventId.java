package dev.pulse.flink.functions;

import dev.pulse.flink.events.CleanEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first event of each {@code event_id} through and drops the copies SDK retries send, for {@code ttl} of
 * processing time after the first one. Keyed by event id. The state of an id is removed by a timer when the ttl
 * ends (a timer rather than state TTL, so the cleanup is exact and testable).
 */
public class DedupeByEventId extends KeyedProcessFunction<String, CleanEvent, CleanEvent> {

    private final long ttlMillis;
    private transient ValueState<Long> expiresAt;
    private transient Counter duplicates;

    public DedupeByEventId(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        expiresAt = getRuntimeContext().getState(new ValueStateDescriptor<>("expires-at", Long.class));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
    }

    @Override
    public void processElement(CleanEvent event, Context ctx, Collector<CleanEvent> out) throws Exception {
        if (expiresAt.value() != null) {
            duplicates.inc();
            return;
        }
        long expiry = ctx.timerService().currentProcessingTime() + ttlMillis;
        expiresAt.update(expiry);
        ctx.timerService().registerProcessingTimeTimer(expiry);
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CleanEvent> out) {
        expiresAt.clear();
    }
}
