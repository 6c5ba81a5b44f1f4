package dev.pulse.flink.functions;

import dev.pulse.flink.events.Progress;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.flink.rollup.RollupPlan.WindowPlan;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Publishes, per rollup datasource, the event time up to which its windows are complete. It runs with parallelism 1
 * behind the rollup operator, so its watermark is the minimum over all rollup subtasks: the job-wide completeness.
 * It reacts to watermarks only; the rows themselves are not needed.
 */
public class ProgressOperator extends AbstractStreamOperator<Progress>
        implements OneInputStreamOperator<RollupRow, Progress> {

    private final RollupPlan plan;
    private transient long[] reported;

    public ProgressOperator(RollupPlan plan) {
        this.plan = plan;
    }

    @Override
    public void open() throws Exception {
        super.open();
        reported = new long[plan.windows().size()];
        java.util.Arrays.fill(reported, Long.MIN_VALUE);
    }

    @Override
    public void processElement(StreamRecord<RollupRow> element) {
        // rows are not needed: completeness follows from the watermark alone
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long watermark = mark.getTimestamp();
        if (watermark != Long.MAX_VALUE && watermark != Long.MIN_VALUE) {
            for (int w = 0; w < plan.windows().size(); w++) {
                WindowPlan window = plan.windows().get(w);
                // windows ending at or before this instant have seen every on-time event
                long completeUntil = (watermark + 1) - Math.floorMod(watermark + 1, window.paneMillis());
                if (completeUntil > reported[w]) {
                    reported[w] = completeUntil;
                    output.collect(new StreamRecord<>(new Progress(window.datasource(), window.name(), completeUntil,
                            watermark)));
                }
            }
        }
        super.processWatermark(mark);
    }
}
