package dev.pulse.flink.functions;

import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.events.RollupInput;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventFormatException;
import dev.pulse.model.event.EventJson;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a clean event into what the rollup needs: its family (from the catalog), the values of the rollup
 * dimensions ({@code unknown} when absent, as the catalog documents) and the aggregation key. Events of a type no
 * family takes are counted and not rolled up (they stay in {@code events_raw}).
 *
 * <p>Clean events are read by {@link EventFields} without their properties, unless a rollup dimension is a
 * property; what it declines (not in {@code EventJson.write}'s form) is parsed whole and may go to the dead letters.
 */
public class ToRollupInput extends ProcessFunction<RawRecord, RollupInput> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("rollup-dead-letters") {
    };
    static final String UNKNOWN = "unknown";
    private static final char SEPARATOR = '\u001f';

    private final RollupPlan plan;
    /** Whether {@link EventFields} holds every rollup dimension, so clean events need not be read whole. */
    private final boolean quickReadAnswers;
    private transient Counter withoutFamily;

    public ToRollupInput(RollupPlan plan) {
        this.plan = plan;
        this.quickReadAnswers = plan.dimensionFields().stream().allMatch(EventFields::answers);
    }

    @Override
    public void open(OpenContext openContext) {
        withoutFamily = getRuntimeContext().getMetricGroup().counter("eventsWithoutFamily");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<RollupInput> out) {
        // events.clean holds only EventJson.write's bytes (the clean job has never written another form), so no
        // header is needed to try the quick read; anything it declines is read whole, as before
        EventFields fields = quickReadAnswers ? EventFields.read(record.value()) : null;
        if (fields != null) {
            emit(fields.eventType(), fields::value, fields.timestamp(), fields.revenue(), fields.userId(), record, out);
            return;
        }
        Event event;
        try {
            event = EventJson.read(record.value());
        } catch (EventFormatException | IllegalArgumentException | NullPointerException e) {
            ctx.output(DEAD_LETTERS, new DeadLetter(record.topic(), record.partition(), record.offset(),
                    String.valueOf(e.getMessage()), record.value()));
            return;
        }
        emit(event.eventType(), FieldPaths.of(event), event.timestamp().toEpochMilli(),
                event.revenue(), event.userId(), record, out);
    }

    private void emit(String eventType, UnaryOperator<String> fieldValue, long timestamp, Double revenue,
                      String userId, RawRecord record, Collector<RollupInput> out) {
        int family = plan.familyOf(eventType);
        if (family < 0) {
            withoutFamily.inc();
            return;
        }
        RollupPlan.FamilyPlan familyPlan = plan.families().get(family);
        String[] dims = new String[plan.dimensionNames().size()];
        // sized for a usual key (family and four values) so that it is not copied as it grows
        StringBuilder key = new StringBuilder(64).append(familyPlan.name());
        for (int i = 0; i < dims.length; i++) {
            if (familyPlan.keepsDimension()[i]) {
                String value = fieldValue.apply(plan.dimensionFields().get(i));
                dims[i] = value == null || value.isEmpty() ? UNKNOWN : value;
            }
            key.append(SEPARATOR).append(dims[i] == null ? "" : dims[i]);
        }
        out.collect(new RollupInput(key.toString(), family, dims, timestamp, revenue == null ? 0.0 : revenue,
                userId, record.value()));
    }
}
