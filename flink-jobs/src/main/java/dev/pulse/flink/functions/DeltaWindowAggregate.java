package dev.pulse.flink.functions;

import dev.pulse.flink.events.DeltaAccumulator;
import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.flink.rollup.RollupPlan.FamilyPlan;
import dev.pulse.flink.rollup.RollupPlan.WindowPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * All rollup windows of one key, as additive deltas. Its input is the events already gathered per key and minute by
 * {@link PaneCombiner}; each such partial updates one pane per distinct pane size (for the
 * catalog: a 1-minute pane and a 5-minute pane), not one accumulator per window: the 5-minute pane serves both the
 * 5-minute tumbling window and the twelve 1-hour windows sliding every 5 minutes that contain it.
 *
 * <p>What a pane gathered since it was last emitted goes out as one row per window containing it, and the pane's
 * state is dropped, so state holds only deltas not yet emitted. A pane is emitted
 * <ul>
 *   <li>every {@code firingInterval} of processing time (early firing: rollups are fresh within seconds, and a
 *       window's rows sum to its total because each row carries only what is new), and</li>
 *   <li>when the watermark passes its end (so replays at high speed keep state to the open panes).</li>
 * </ul>
 * Late events within the allowed lateness simply start a new delta of their (closed) pane.
 */
public class DeltaWindowAggregate extends KeyedProcessFunction<String, PanePartial, RollupRow> {

    private final RollupPlan plan;
    private final long firingIntervalMillis;
    private final long[] paneSizes;
    /** per family and pane size: whether any of the family's windows is built of those panes */
    private final boolean[][] familyUsesPane;

    private transient List<MapState<Long, DeltaAccumulator>> panes;
    private transient ValueState<Long> nextFiring;
    private transient Counter rowsEmitted;

    public DeltaWindowAggregate(RollupPlan plan, Duration firingInterval) {
        this.plan = plan;
        this.firingIntervalMillis = firingInterval.toMillis();
        this.paneSizes = plan.paneSizes();
        this.familyUsesPane = new boolean[plan.families().size()][paneSizes.length];
        for (int f = 0; f < familyUsesPane.length; f++) {
            for (int i = 0; i < paneSizes.length; i++) {
                familyUsesPane[f][i] = usesPane(plan.families().get(f), paneSizes[i]);
            }
        }
    }

    @Override
    public void open(OpenContext openContext) {
        panes = new ArrayList<>();
        for (long size : paneSizes) {
            panes.add(getRuntimeContext().getMapState(new MapStateDescriptor<>("panes-" + size, Types.LONG,
                    TypeInformation.of(DeltaAccumulator.class))));
        }
        nextFiring = getRuntimeContext().getState(new ValueStateDescriptor<>("next-firing", Types.LONG));
        rowsEmitted = getRuntimeContext().getMetricGroup().counter("rollupRowsEmitted");
    }

    @Override
    public void processElement(PanePartial input, Context ctx, Collector<RollupRow> out) throws Exception {
        for (int i = 0; i < paneSizes.length; i++) {
            if (!familyUsesPane[input.family()][i]) {
                continue;
            }
            long paneStart = input.paneStart() - Math.floorMod(input.paneStart(), paneSizes[i]);
            MapState<Long, DeltaAccumulator> state = panes.get(i);
            DeltaAccumulator acc = state.get(paneStart);
            if (acc == null) {
                acc = DeltaAccumulator.empty(plan.lgK(), input.family(), input.dimensions());
                ctx.timerService().registerEventTimeTimer(paneStart + paneSizes[i] - 1);
            }
            acc.add(input);
            state.put(paneStart, acc);
        }
        if (nextFiring.value() == null) {
            long now = ctx.timerService().currentProcessingTime();
            long firing = now - Math.floorMod(now, firingIntervalMillis) + firingIntervalMillis;
            ctx.timerService().registerProcessingTimeTimer(firing);
            nextFiring.update(firing);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RollupRow> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            for (int i = 0; i < paneSizes.length; i++) {
                long paneStart = timestamp + 1 - paneSizes[i];
                DeltaAccumulator acc = panes.get(i).get(paneStart);
                if (acc != null) {
                    emit(paneSizes[i], paneStart, acc, out);
                    panes.get(i).remove(paneStart);
                }
            }
            return;
        }
        // early firing: everything pending goes out; the panes' end-of-window timers have nothing left to do
        nextFiring.clear();
        for (int i = 0; i < paneSizes.length; i++) {
            Iterator<Map.Entry<Long, DeltaAccumulator>> it = panes.get(i).iterator();
            while (it.hasNext()) {
                Map.Entry<Long, DeltaAccumulator> pane = it.next();
                emit(paneSizes[i], pane.getKey(), pane.getValue(), out);
                ctx.timerService().deleteEventTimeTimer(pane.getKey() + paneSizes[i] - 1);
            }
            panes.get(i).clear();
        }
    }

    private boolean usesPane(FamilyPlan family, long paneSize) {
        for (int w = 0; w < plan.windows().size(); w++) {
            if (family.inWindow()[w] && plan.windows().get(w).paneMillis() == paneSize) {
                return true;
            }
        }
        return false;
    }

    /** One row per window that contains the pane: the pane's delta is the delta of each of those windows. */
    private void emit(long paneSize, long paneStart, DeltaAccumulator acc, Collector<RollupRow> out) {
        FamilyPlan family = plan.families().get(acc.family);
        String users = family.measuresUsers() ? Base64.getEncoder().encodeToString(acc.compactUsers()) : null;
        Double revenue = family.measuresRevenue() ? acc.revenue : null;
        for (int w = 0; w < plan.windows().size(); w++) {
            WindowPlan window = plan.windows().get(w);
            if (!family.inWindow()[w] || window.paneMillis() != paneSize) {
                continue;
            }
            for (int k = 0; k < window.panesPerWindow(); k++) {
                out.collect(new RollupRow(window.name(), paneStart - k * paneSize, acc.family, acc.dimensions,
                        acc.events, revenue, users));
                rowsEmitted.inc();
            }
        }
    }
}
