package dev.pulse.flink.functions;

import dev.pulse.model.event.Event;
import java.util.function.UnaryOperator;

/** Reads catalog field paths ({@code event_type}, {@code context.country}, {@code properties.sku}) from an event. */
final class FieldPaths {

    private static final String PROPERTIES = "properties.";

    private FieldPaths() {
    }

    /** The event's field paths as text: {@code properties.*} from its properties, the rest as {@link EventFields}. */
    static UnaryOperator<String> of(Event event) {
        EventFields fields = EventFields.of(event);
        return field -> {
            if (field.startsWith(PROPERTIES)) {
                Object value = event.properties().get(field.substring(PROPERTIES.length()));
                return value == null ? null : value.toString();
            }
            return fields.value(field);
        };
    }
}
