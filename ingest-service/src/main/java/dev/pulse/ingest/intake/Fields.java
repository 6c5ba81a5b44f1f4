package dev.pulse.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of an event's JSON fields; a wrong type is a rejection that names the field. */
public final class Fields {

    /** The longest text field (an id, a context value) an event may have. */
    public static final int MAX_ID_LENGTH = 256;

    private Fields() {
    }

    /** A text field, or null when absent, null or blank. Numbers are accepted as ids (some SDKs send them). */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw invalid(field, "must be a string");
        }
        String text = value.asText();
        if (text.length() > MAX_ID_LENGTH) {
            throw invalid(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return text.isBlank() ? null : text;
    }

    public static String requiredText(JsonNode node, String field, RejectionReason whenMissing) {
        String text = text(node, field);
        if (text == null) {
            throw new RejectedEventException(whenMissing, field + " is required");
        }
        return text;
    }

    /** An ISO-8601 instant with an offset ({@code 2026-11-28T10:15:30.123Z}), or null when absent. */
    public static Instant instant(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be an ISO-8601 time such as 2026-11-28T10:15:30.123Z");
        }
        try {
            return IsoTimes.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 time with an offset, such as 2026-11-28T10:15:30.123Z, was '"
                    + value.asText() + "'");
        }
    }

    /** An object field as a map, or an empty map when absent. */
    public static Map<String, Object> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw invalid(field, "must be a JSON object");
        }
        return toMap(value);
    }

    // walks the tree directly: ObjectMapper.convertValue would write it out and parse it again, per event
    private static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
        return map;
    }

    private static Object toJava(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> toMap(value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(value.size());
                value.forEach(element -> list.add(toJava(element)));
                yield list;
            }
            case STRING -> value.textValue();
            case NUMBER -> value.numberValue();
            case BOOLEAN -> value.booleanValue();
            default -> null;
        };
    }

    /** A finite number, also from a numeric string (Segment SDKs pass through whatever the app gave them). */
    public static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        double number = Double.NaN;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                number = Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                // reported below, like any other invalid value
            }
        }
        if (Double.isFinite(number)) {
            return number;
        }
        throw invalid(field, "must be a finite number");
    }

    /** Text of a nested field such as {@code context.location.country}, or null anywhere along the path. */
    public static String path(JsonNode node, String... names) {
        JsonNode current = node;
        for (String name : names) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
        }
        return current != null && current.isTextual() && !current.asText().isBlank() ? current.asText() : null;
    }

    public static RejectedEventException invalid(String field, String problem) {
        return new RejectedEventException(RejectionReason.INVALID_FIELD, field + " " + problem);
    }
}
