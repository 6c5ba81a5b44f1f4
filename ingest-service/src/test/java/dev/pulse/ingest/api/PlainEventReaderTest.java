package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When an event's tail is kept as the client sent it, and when it is written again. What either way gives is held to
 * the full path by {@code DirectNativeReaderTest}; here, which way each shape takes.
 */
class PlainEventReaderTest {

    private static final String HEAD = "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\","
            + "\"timestamp\":\"2026-11-28T10:15:30.123Z\",";

    @ParameterizedTest
    @ValueSource(strings = {
            "\"properties\":{\"sku\":\"A1\",\"n\":[1,true,null,{\"a\":\"b\"}]},"
                    + "\"context\":{\"country\":\"DE\",\"device\":\"mobile\",\"platform\":\"web\"},"
                    + "\"revenue\":19.99,\"currency\":\"EUR\"}",
            "\"properties\":{},\"context\":{}}",
            "\"properties\":{},\"context\":{\"device\":\"mobile\"},\"currency\":\"USD\"}",
            "\"properties\":{\"big\":12345678901234567890123},\"context\":{},\"revenue\":0.5}"})
    void keepsACompactTailInTheDocumentedOrderAsSent(String tail) {
        byte[] body = (HEAD + tail).getBytes(StandardCharsets.US_ASCII);

        PlainEvent event = read(body);

        assertThat(event.tailInBody()).isTrue();
        assertThat(new String(body, event.tailFrom(), event.tailTo() - event.tailFrom(), StandardCharsets.US_ASCII))
                .isEqualTo(tail);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"properties\": {},\"context\":{}}",
            "\"properties\":{},\"context\":{} }",
            "\"properties\":{\"a\":null},\"context\":{}}",
            "\"properties\":{\"a\":1.50},\"context\":{}}",
            "\"properties\":{\"a\":[1e3]},\"context\":{}}",
            "\"properties\":null,\"context\":{}}",
            "\"context\":{}}",
            "\"properties\":{}}",
            "\"properties\":{},\"context\":null}",
            "\"properties\":{},\"context\":{\"locale\":\"de\"}}",
            "\"properties\":{},\"context\":{\"country\":null}}",
            "\"properties\":{},\"context\":{\"country\":\" \"}}",
            "\"properties\":{},\"context\":{\"device\":\"mobile\",\"country\":\"DE\"}}",
            "\"properties\":{},\"context\":{},\"revenue\":20}",
            "\"properties\":{},\"context\":{},\"revenue\":null}",
            "\"properties\":{},\"revenue\":1.5,\"context\":{}}",
            "\"properties\":{},\"context\":{},\"currency\":\"eur\"}",
            "\"properties\":{},\"context\":{},\"currency\":\"\"}",
            "\"properties\":{},\"context\":{},\"currency\":\"EUR\",\"revenue\":1.5}",
            "\"properties\":{},\"context\":{},\"extra\":1}",
            "\"revenue\":1.5,\"properties\":{},\"context\":{}}",
            "\"currency\":\"EUR\",\"properties\":{},\"context\":{}}",
            "\"properties\":{},\"context\":{},\"timestamp\":null}"})
    void writesTheTailAgainWhenTheFullPathWritesItOtherwise(String tail) {
        String head = tail.contains("timestamp") ? HEAD.substring(0, HEAD.indexOf("\"timestamp\"")) : HEAD;

        PlainEvent event = read((head + tail).getBytes(StandardCharsets.US_ASCII));

        assertThat(event.tailInBody()).isFalse();
    }

    private static PlainEvent read(byte[] body) {
        return new PlainEventReader(new PlainJson(body), 32 * 1024).read();
    }
}
