package dev.pulse.flink.functions;

import dev.pulse.flink.events.LateEvent;
import dev.pulse.flink.events.RollupInput;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decides once, before the rollups, whether an event is too late: its finest pane ended more than the allowed
 * lateness before the current watermark. Deciding here (not in each window) keeps every rollup datasource in
 * agreement: an event is in all of them or in none. Late events leave through {@link #LATE}.
 *
 * <p>Downstream operators never see a watermark ahead of the one this decision used, so an event let through is
 * never late there.
 */
public class LateEventFilter extends ProcessFunction<RollupInput, RollupInput> {

    public static final OutputTag<LateEvent> LATE = new OutputTag<>("late-events") {
    };

    private final long finestPaneMillis;
    private final long allowedLatenessMillis;
    private transient Counter late;

    public LateEventFilter(long finestPaneMillis, Duration allowedLateness) {
        this.finestPaneMillis = finestPaneMillis;
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(RollupInput input, Context ctx, Collector<RollupInput> out) {
        long watermark = ctx.timerService().currentWatermark();
        long paneEnd = input.timestamp() - Math.floorMod(input.timestamp(), finestPaneMillis) + finestPaneMillis;
        if (paneEnd + allowedLatenessMillis <= watermark) {
            late.inc();
            ctx.output(LATE, new LateEvent(input.userId(), input.timestamp(), watermark, input.json()));
        } else {
            out.collect(input); // its json goes no further: the pane combiner keeps only what the rollup needs
        }
    }
}
