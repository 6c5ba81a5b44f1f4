package dev.pulse.flink.functions;

import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupInput;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gathers the events of each key and combining pane in the reading chain, before the shuffle to the window operator,
 * and sends one {@link PanePartial} for them: in a replay, dozens of events of a key fall into the same minute between
 * two flushes, and each sent alone cost a serialisation, a network record and keyed state lookups in the window
 * operator (half of its thread, JFR).
 *
 * <p>It holds nothing across a checkpoint and never lets an event fall behind a watermark. Everything pending goes out
 * <ul>
 *   <li>before each watermark it forwards, so the window operator has every event a watermark covers before it fires
 *       the panes that watermark closes (and the late-event decision made upstream stays true downstream);</li>
 *   <li>before each checkpoint barrier ({@link #prepareSnapshotPreBarrier}), so it has no state to store;</li>
 *   <li>{@link #FLUSH_INTERVAL_MILLIS} after the first pending event, so live events wait no longer than that;</li>
 *   <li>when {@link #MAX_PENDING_EVENTS} events are pending, which bounds its memory;</li>
 *   <li>at the end of a bounded input.</li>
 * </ul>
 */
public class PaneCombiner extends AbstractStreamOperator<PanePartial>
        implements OneInputStreamOperator<RollupInput, PanePartial>, BoundedOneInput {

    static final long FLUSH_INTERVAL_MILLIS = 200;
    static final int MAX_PENDING_EVENTS = 50_000;

    private final long paneMillis;
    /** per key, its newest pending pane, linked to the others (more than one when its events straddle a boundary) */
    private transient Map<String, Pending> pending;
    private transient int pendingEvents;
    private transient boolean flushScheduled;
    private transient Counter partialsSent;

    /** @param paneMillis the combining pane: it must divide every pane size of the windows (see {@code RollupPlan}) */
    public PaneCombiner(long paneMillis) {
        this.paneMillis = paneMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new HashMap<>();
        partialsSent = getMetricGroup().counter("panePartialsSent");
    }

    @Override
    public void processElement(StreamRecord<RollupInput> element) throws Exception {
        RollupInput input = element.getValue();
        long paneStart = input.timestamp() - Math.floorMod(input.timestamp(), paneMillis);
        Pending first = pending.get(input.key());
        Pending pane = first;
        while (pane != null && pane.paneStart != paneStart) {
            pane = pane.next;
        }
        if (pane == null) {
            pane = new Pending(input, paneStart, first);
            pending.put(input.key(), pane);
        }
        pane.add(input);
        if (++pendingEvents >= MAX_PENDING_EVENTS) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            long at = getProcessingTimeService().getCurrentProcessingTime() + FLUSH_INTERVAL_MILLIS;
            getProcessingTimeService().registerTimer(at, time -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        if (pendingEvents == 0) {
            return;
        }
        for (Pending pane : pending.values()) {
            for (; pane != null; pane = pane.next) {
                output.collect(new StreamRecord<>(pane.partial(), pane.paneStart));
                partialsSent.inc();
            }
        }
        pending.clear();
        pendingEvents = 0;
    }

    /** The events of one key and pane gathered since the last flush. */
    private static final class Pending {
        /** the key's parts, taken from its first event (not the event: its JSON would be kept until the flush) */
        final String key;
        final int family;
        final String[] dimensions;
        final long paneStart;
        final Pending next;
        final PanePartial.UserIds users = new PanePartial.UserIds();
        long events;
        double revenue;

        Pending(RollupInput first, long paneStart, Pending next) {
            this.key = first.key();
            this.family = first.family();
            this.dimensions = first.dimensions();
            this.paneStart = paneStart;
            this.next = next;
        }

        void add(RollupInput input) {
            users.add(input.userId());
            events++;
            revenue += input.revenue();
        }

        PanePartial partial() {
            return new PanePartial(key, family, dimensions, paneStart, events, revenue, users.bytes(), users.ends());
        }
    }
}
