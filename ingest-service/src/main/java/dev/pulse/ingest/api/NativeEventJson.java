package dev.pulse.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.ingest.intake.RawEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one native event, read in one streaming pass over its bytes: the fields {@link NativeEventMapper}
 * checks, as a small tree it validates with {@code Fields} exactly as before, and {@code properties} straight into
 * the map the event keeps. A full tree per event, converted to maps afterwards, was a fifth of the service's CPU.
 * Unknown fields are skipped. As in a tree, a field given twice counts with its last value.
 *
 * @param fields     the known fields other than an object-valued {@code properties}
 * @param properties {@code properties} when it is a JSON object; otherwise null, and any other value is in
 *                   {@code fields} for {@code Fields.object} to judge
 */
record NativeEventJson(ObjectNode fields, Map<String, Object> properties) {

    private static final Set<String> FIELDS = Set.of(
            "event_id", "event_type", "user_id", "timestamp", "context", "revenue", "currency");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads an event that is a JSON object ({@link RawEvent#isObject()}) and valid JSON (the split checked it). */
    static NativeEventJson read(RawEvent raw) {
        try (JsonParser parser = raw.parser()) {
            parser.nextToken();
            ObjectNode fields = NODES.objectNode();
            Map<String, Object> properties = null;
            for (String name; (name = parser.nextFieldName()) != null; ) {
                JsonToken token = parser.nextToken();
                if (name.equals("properties") && token == JsonToken.START_OBJECT) {
                    properties = readMap(parser);
                    fields.remove(name);
                } else if (name.equals("properties")) {
                    properties = null;
                    fields.set(name, readNode(parser, token));
                } else if (FIELDS.contains(name)) {
                    fields.set(name, readNode(parser, token));
                } else {
                    parser.skipChildren();
                }
            }
            return new NativeEventJson(fields, properties);
        } catch (IOException e) {
            throw new UncheckedIOException("an event that was valid JSON could not be read again", e);
        }
    }

    /** The tree databind would build for the value at {@code token}: the node kinds and numbers Fields reads. */
    private static JsonNode readNode(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name; (name = parser.nextFieldName()) != null; ) {
                    object.set(name, readNode(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                var array = NODES.arrayNode();
                for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
                    array.add(readNode(parser, element));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    /** An object as the Java values {@code Fields.object} made of its tree: maps, lists, strings, numbers, booleans. */
    private static Map<String, Object> readMap(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name; (name = parser.nextFieldName()) != null; ) {
            map.put(name, readValue(parser, parser.nextToken()));
        }
        return map;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readMap(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
                    list.add(readValue(parser, element));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue(); // Integer, Long or BigInteger, as the tree had them
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
