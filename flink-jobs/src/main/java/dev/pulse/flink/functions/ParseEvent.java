package dev.pulse.flink.functions;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventFormatException;
import dev.pulse.model.event.EventJson;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw event records; a record that is not a valid event goes to the dead letters with the reason.
 *
 * <p>A record marked canonical (the ingest service's, see {@link CanonicalEvent}) keeps its bytes: only its leading
 * fields are read. Every other record is parsed whole and written again by {@link EventJson#write}, which normalises
 * what the parser accepts and {@code events_raw}'s ingestion would not (numeric times, unknown fields).
 */
public class ParseEvent extends ProcessFunction<RawRecord, CleanEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
    };

    private transient Counter rejected;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("eventsRejected");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<CleanEvent> out) {
        if (record.value() == null || record.value().length == 0) {
            reject(record, "empty record", ctx);
            return;
        }
        if (record.canonical()) {
            CanonicalEvent.Head head = CanonicalEvent.readHead(record.value());
            if (head != null) {
                out.collect(new CleanEvent(head.eventId(), head.userId(), head.timestamp(), record.value()));
                return;
            }
        }
        Event event;
        try {
            event = EventJson.read(record.value());
        } catch (EventFormatException | IllegalArgumentException e) {
            reject(record, e.getMessage(), ctx);
            return;
        }
        out.collect(new CleanEvent(event.eventId(), event.userId(), event.timestamp().toEpochMilli(),
                EventJson.write(event)));
    }

    private void reject(RawRecord record, String reason, Context ctx) {
        if (rejected != null) {
            rejected.inc();
        }
        ctx.output(DEAD_LETTERS, new DeadLetter(record.topic(), record.partition(), record.offset(), reason,
                record.value()));
    }
}
