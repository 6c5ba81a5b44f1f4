package dev.pulse.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void splitsAnArrayKeepingEachEventsExactBytes() {
        JsonEnvelope envelope = JsonBodies.batch(bytes("[ {\"a\": 1} ,{\"b\":\"é\"},\n7]"), 10);

        assertThat(envelope.events()).extracting(e -> new String(e.raw(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\": 1}", "{\"b\":\"é\"}", "7");
        assertThat(envelope.events()).extracting(RawEvent::index).containsExactly(0, 1, 2);
        assertThat(envelope.events().get(1).node().get("b").asText()).isEqualTo("é");
    }

    @Test
    void keepsTheExactBytesOfEventsThatAreNoObjects() {
        JsonEnvelope envelope = JsonBodies.batch(bytes("[\"a \\\" string\", 1.5e3 ,[1,{}], null,{\"c\":\"last\"}]"), 10);

        assertThat(envelope.events()).extracting(e -> new String(e.raw(), StandardCharsets.UTF_8))
                .containsExactly("\"a \\\" string\"", "1.5e3", "[1,{}]", "null", "{\"c\":\"last\"}");
        assertThat(envelope.events()).extracting(RawEvent::isObject).containsExactly(false, false, false, false, true);
        assertThat(envelope.events().get(0).node().asText()).isEqualTo("a \" string");
    }

    @Test
    void readsTheBatchFieldAndKeepsTheFieldsBesideIt() {
        JsonEnvelope envelope = JsonBodies.batch(
                bytes("{\"sentAt\":\"2026-11-28T10:00:00Z\",\"batch\":[{\"x\":1}],\"context\":{\"k\":\"v\"}}"), 10);

        assertThat(envelope.events()).hasSize(1);
        assertThat(envelope.text("sentAt")).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(envelope.fields().get("context").get("k").asText()).isEqualTo("v");
        assertThat(envelope.fields().has("batch")).isFalse();
    }

    @Test
    void refusesMoreEventsThanTheLimitWith413() {
        assertThatThrownBy(() -> JsonBodies.batch(bytes("[{},{},{}]"), 2))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("at most 2 events");
                });
    }

    @Test
    void acceptsExactlyTheLimit() {
        assertThat(JsonBodies.batch(bytes("[{},{}]"), 2).events()).hasSize(2);
    }

    @Test
    void callsBrokenJsonMalformed() {
        assertThatThrownBy(() -> JsonBodies.batch(bytes("[{\"a\":1},{\"b\""), 10))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonBodies.batch(bytes("[{}] trailing"), 10)).isInstanceOf(MalformedBodyException.class);
        assertThatThrownBy(() -> JsonBodies.batch(bytes(""), 10)).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void callsAnObjectWithoutABatchArrayMalformed() {
        assertThatThrownBy(() -> JsonBodies.batch(bytes("{\"batch\":{}}"), 10))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("{\"batch\":[...]}");
        assertThatThrownBy(() -> JsonBodies.batch(bytes("\"text\""), 10)).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void readsASingleObjectAsOneEventWhoseFieldsAreTheEnvelope() {
        byte[] body = bytes("{\"writeKey\":\"k\",\"event\":\"x\"}");
        JsonEnvelope envelope = JsonBodies.single(body);

        assertThat(envelope.events()).singleElement().satisfies(e -> assertThat(e.raw()).isEqualTo(body));
        assertThat(envelope.text("writeKey")).isEqualTo("k");
        assertThatThrownBy(() -> JsonBodies.single(bytes("[{}]"))).isInstanceOf(MalformedBodyException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
