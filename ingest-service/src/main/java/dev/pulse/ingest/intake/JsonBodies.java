package dev.pulse.ingest.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits request bodies into events with one streaming pass, keeping where each event's own bytes lie in the body,
 * so an oversized or invalid event is measured and stored exactly as the client sent it.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonBodies() {
    }

    /**
     * A batch: a JSON array of events, or an object whose {@code batch} field is that array.
     *
     * @throws MalformedBodyException    when the body is not such JSON
     * @throws RequestRefusedException   (413) when it holds more than {@code maxEvents} events
     */
    public static JsonEnvelope batch(byte[] body, int maxEvents) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            ObjectNode fields = MAPPER.createObjectNode();
            List<RawEvent> events = null;
            if (first == JsonToken.START_ARRAY) {
                events = readEvents(parser, body, maxEvents);
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("batch") && value == JsonToken.START_ARRAY) {
                        events = readEvents(parser, body, maxEvents);
                    } else {
                        fields.set(name, MAPPER.readTree(parser));
                    }
                }
            }
            if (events == null) {
                throw new MalformedBodyException("expected a JSON array of events or an object {\"batch\":[...]}");
            }
            requireEnd(parser);
            return new JsonEnvelope(fields, events);
        } catch (StreamReadException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single event: the body is one JSON object, whose fields double as the envelope's. */
    public static JsonEnvelope single(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node = parser.nextToken() == null ? null : MAPPER.readTree(parser);
            if (!(node instanceof ObjectNode object)) {
                throw new MalformedBodyException("expected one JSON object");
            }
            requireEnd(parser);
            return new JsonEnvelope(object, List.of(new RawEvent(0, object, body)));
        } catch (StreamReadException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds each event's bytes by skipping over it, which checks its syntax without building anything; an event's
     * tree is built only if a mapper asks for it ({@link RawEvent#node()}).
     */
    private static List<RawEvent> readEvents(JsonParser parser, byte[] body, int maxEvents) throws IOException {
        List<RawEvent> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (events.size() == maxEvents) {
                throw new RequestRefusedException(Refusal.PAYLOAD_TOO_LARGE,
                        "a request may hold at most " + maxEvents + " events; split the batch");
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            parser.finishToken(); // a string's text is read lazily: without this its end would be its opening quote
            int end = (int) parser.currentLocation().getByteOffset();
            events.add(new RawEvent(events.size(), body, start, end));
        }
        return events;
    }

    /** A parser over part of a body. */
    static JsonParser parser(byte[] body, int offset, int length) {
        try {
            return MAPPER.createParser(body, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree of an event that {@link #batch} already found to be valid JSON. */
    static JsonNode tree(byte[] body, int offset, int length) {
        try (JsonParser parser = parser(body, offset, length)) {
            return MAPPER.readTree(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("an event that was valid JSON could not be read again", e);
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new MalformedBodyException("unexpected content after the JSON value");
        }
    }
}
