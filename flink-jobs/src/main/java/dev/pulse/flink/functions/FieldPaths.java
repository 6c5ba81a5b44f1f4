package dev.pulse.flink.functions;

import dev.pulse.model.event.Event;

/** Reads a catalog field path ({@code event_type}, {@code context.country}, {@code properties.sku}) from an event. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String value(Event event, String field) {
        return switch (field) {
            case "event_type" -> event.eventType();
            case "user_id" -> event.userId();
            case "event_id" -> event.eventId();
            case "currency" -> event.currency();
            case "revenue" -> event.revenue() == null ? null : event.revenue().toString();
            case "context.country" -> event.context().country();
            case "context.device" -> event.context().device();
            case "context.platform" -> event.context().platform();
            default -> {
                if (field.startsWith("properties.")) {
                    Object value = event.properties().get(field.substring("properties.".length()));
                    yield value == null ? null : value.toString();
                }
                throw new IllegalArgumentException("unknown event field " + field);
            }
        };
    }
}
