package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.BatchAssembler;
import dev.pulse.ingest.intake.EncodedEvent;
import dev.pulse.ingest.intake.JsonBodies;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.Source;
import dev.pulse.model.event.EventFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path against the full path, which is the definition: whatever the direct path takes, the full path
 * takes too, with no rejection, and writes the same events; whatever needs more, the direct path leaves alone.
 */
class DirectNativeReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:15:31.002Z");
    private static final int MAX_EVENT_BYTES = 32 * 1024;
    private static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(15);
    private static final int MAX_BATCH_EVENTS = 2500;
    private static final ObjectMapper TREES = new ObjectMapper();

    private final DirectNativeReader direct = new DirectNativeReader(MAX_EVENT_BYTES, MAX_FUTURE_SKEW, MAX_BATCH_EVENTS);
    private final BatchAssembler assembler = new BatchAssembler(MAX_EVENT_BYTES, MAX_FUTURE_SKEW);

    @Test
    void writesTheDocumentedEventByteForByteAsTheFullPath() {
        String body = """
                [{"event_id":"7f1c","event_type":"transaction","user_id":"u-42","timestamp":"2026-11-28T10:15:30.123Z",
                  "properties":{"sku":"A1"},"context":{"country":"DE","device":"mobile","platform":"web"},
                  "revenue":19.99,"currency":"eur"}]""";

        Batch batch = direct(body);

        assertThat(batch).isNotNull();
        assertThat(batch.rejections()).isEmpty();
        EncodedEvent event = batch.events().get(0);
        assertThat(text(event)).isEqualTo("{\"event_id\":\"7f1c\",\"event_type\":\"transaction\",\"user_id\":\"u-42\","
                + "\"timestamp\":\"2026-11-28T10:15:30.123Z\",\"received_at\":\"2026-11-28T10:15:31.002Z\","
                + "\"properties\":{\"sku\":\"A1\"},\"context\":{\"country\":\"DE\",\"device\":\"mobile\",\"platform\":\"web\"},"
                + "\"revenue\":19.99,\"currency\":\"EUR\"}");
        assertThat(event.json()).isEqualTo(full(body).events().get(0).json());
        assertThat(event.family()).isEqualTo(EventFamily.TRANSACTION);
        assertThat(new String(event.userId(), StandardCharsets.UTF_8)).isEqualTo("u-42");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123Z").toEpochMilli());
    }

    @Test
    void writesPropertiesCompactlyWithoutNullMembersAndNumbersAsJacksonWritesThem() {
        String body = """
                [ { "event_id" : "e1", "event_type" : "click", "user_id" : "u1",
                    "properties" : { "a" : [ 1 , null , -2.50, 1e3, 12345678901234567890 ],
                                     "gone" : null, "b" : { "c" : null, "d" : true, "e" : { } }, "f" : 0.10 },
                    "context" : { "country" : " ", "device" : null, "os" : [ "ignored" ], "platform" : "ios" },
                    "revenue" : 5 } ]""";

        String written = text(direct(body).events().get(0));

        assertThat(written).contains("\"properties\":{\"a\":[1,null,-2.5,1000.0,12345678901234567890],"
                + "\"b\":{\"d\":true,\"e\":{}},\"f\":0.1},\"context\":{\"platform\":\"ios\"},\"revenue\":5.0}");
        assertSameEvents(direct(body), full(body));
    }

    @Test
    void correctsClockSkewWithTheBatchsSentAtWhereverItStands() {
        String event = "{\"event_id\":\"e1\",\"event_type\":\"page_view\",\"user_id\":\"u1\","
                + "\"timestamp\":\"2026-11-28T10:00:00Z\"}";
        for (String body : List.of("{\"batch\":[" + event + "],\"sent_at\":\"2026-11-28T10:00:10+00:00\"}",
                "{\"sent_at\":\"2026-11-28T11:00:10+01:00\",\"batch\":[" + event + "],\"other\":{\"x\":[1]}}")) {
            Batch batch = direct(body);

            assertThat(batch.events().get(0).timestamp()).isEqualTo(RECEIVED.minusSeconds(10).toEpochMilli());
            assertSameEvents(batch, full(body));
        }
    }

    @Test
    void stampsEventsWithoutATimestampWithTheTimeOfReceipt() {
        String body = "[{\"event_id\":\"e1\",\"event_type\":\"signup\",\"user_id\":\"u1\",\"timestamp\":null}]";

        Batch batch = direct(body);

        assertThat(batch.events().get(0).timestamp()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(batch.events().get(0).family()).isEqualTo(EventFamily.OTHER);
        assertSameEvents(batch, full(body));
    }

    @Test
    void takesAnEmptyBatch() {
        assertThat(direct("[]").events()).isEmpty();
        assertThat(direct(" {\"batch\": [ ] } ").events()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // rejected on the full path
        "[{\"event_id\":\"e1\",\"event_type\":\"click\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"  \"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"2026-11-28T10:31:00Z\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"timestamp\":\"yesterday\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"currency\":\"EURO\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":[1]}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"context\":\"DE\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"},\"not an object\"]",
        "{\"batch\":[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}],\"sent_at\":\"soon\"}",
        // accepted on the full path, in a form the direct path does not copy
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\\u00e9\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\u00e9\"}]",
        "[{\"event_id\":1,\"event_type\":\"click\",\"user_id\":\"u1\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"revenue\":\"19.99\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"n\":-0}}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"a\":1,\"a\":2}}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"user_id\":\"u2\"}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"context\":{\"device\":\"a\",\"device\":\"b\"}}]",
        "{\"batch\":[],\"batch\":[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}]}",
        "\uFEFF[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}]",
        // not valid JSON at all
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"},]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}] x",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"n\":01}}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"n\":1.}}]",
        "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"t\":tru}}]",
        "[{'event_id':'e1','event_type':'click','user_id':'u1'}]",
        "{\"events\":[]}",
        ""
    })
    void leavesToTheFullPathWhatNeedsMore(String body) {
        assertThat(direct(body)).isNull();
    }

    @Test
    void leavesOversizedEventsBatchesAndKeysToTheFullPath() {
        String event = "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\"}";
        String large = "[{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u1\",\"properties\":{\"p\":\""
                + "x".repeat(MAX_EVENT_BYTES) + "\"}}]";
        String many = "[" + String.join(",", java.util.Collections.nCopies(MAX_BATCH_EVENTS + 1, event)) + "]";

        String longKey = "{\"" + "k".repeat(60_000) + "\":1,\"batch\":[" + event + "]}"; // Jackson refuses the name

        assertThat(direct(large)).isNull();
        assertThat(direct(many)).isNull();
        assertThat(direct(longKey)).isNull();
        assertThat(full(longKey)).isNull();
        assertThat(direct("[" + String.join(",", java.util.Collections.nCopies(MAX_BATCH_EVENTS, event)) + "]"))
                .isNotNull();
    }

    /** Random events of the shapes clients send, most of them plain: the direct path must agree wherever it reads. */
    @Test
    void agreesWithTheFullPathOnRandomBatches() {
        agreesWithTheFullPath(new Random(42), RandomBodies::batch);
    }

    /** Random events as SDKs serialise them, whose tails are mostly kept as sent: they too must agree. */
    @Test
    void agreesWithTheFullPathOnRandomCompactBatches() {
        agreesWithTheFullPath(new Random(11), RandomBodies::compactBatch);
    }

    private void agreesWithTheFullPath(Random random, Function<Random, String> bodies) {
        int taken = 0;
        for (int i = 0; i < 3000; i++) {
            String body = bodies.apply(random);
            Batch direct = direct(body);
            if (direct != null) {
                taken++;
                assertSameEvents(direct, full(body));
            }
        }
        assertThat(taken).as("batches the direct path took").isGreaterThan(1000);
    }

    /** Bytes changed at random in plain batches: the direct path takes only what the full path takes the same way. */
    @Test
    void neverTakesWhatTheFullPathReadsDifferently() {
        Random random = new Random(7);
        String alphabet = "{}[],:\"\\ \t0123456789.eE+-nultrfasxyz";
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            // every other one compact, where a changed byte can make a tail kept as sent something else
            StringBuilder body = new StringBuilder(i % 2 == 0 ? RandomBodies.batch(random) : RandomBodies.compactBatch(random));
            for (int change = random.nextInt(3); change >= 0; change--) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            Batch direct = direct(body.toString());
            if (direct != null) {
                taken++;
                Batch full = full(body.toString());
                assertThat(full).as("the full path's reading of %s", body).isNotNull();
                assertSameEvents(direct, full);
            }
        }
        assertThat(taken).as("changed batches the direct path still took").isGreaterThan(1000);
    }

    private Batch direct(String body) {
        return direct.read(body.getBytes(StandardCharsets.UTF_8), "/v1/events", "demo", RECEIVED);
    }

    /** The full path's batch, or null when it refuses the body as a whole. */
    private Batch full(String body) {
        try {
            JsonEnvelope envelope = JsonBodies.batch(body.getBytes(StandardCharsets.UTF_8), MAX_BATCH_EVENTS);
            return assembler.assemble(Source.NATIVE, "/v1/events", "demo", RECEIVED, envelope.events(),
                    new NativeEventMapper(envelope, RECEIVED));
        } catch (RuntimeException refused) {
            return null;
        }
    }

    /**
     * The same events: family, key, time and bytes. The full path's {@code Event} keeps properties in a map of no
     * particular order, so bytes are compared exactly when an event has at most one property, and otherwise as JSON
     * trees (order aside, value types included) of the same length.
     */
    private static void assertSameEvents(Batch direct, Batch full) {
        assertThat(full.rejections()).as("rejections on the full path").isEmpty();
        assertThat(direct.rejections()).isEmpty();
        assertThat(direct.events()).hasSameSizeAs(full.events());
        for (int i = 0; i < full.events().size(); i++) {
            EncodedEvent d = direct.events().get(i);
            EncodedEvent f = full.events().get(i);
            assertThat(d.family()).isEqualTo(f.family());
            assertThat(d.userId()).isEqualTo(f.userId()); // AssertJ compares arrays by content
            assertThat(d.timestamp()).isEqualTo(f.timestamp());
            JsonNode tree = tree(f.json());
            if (tree.path("properties").size() <= 1) {
                assertThat(text(d)).isEqualTo(text(f));
            } else {
                assertThat(tree(d.json())).isEqualTo(tree);
                assertThat(d.json()).hasSameSizeAs(f.json());
            }
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static String text(EncodedEvent event) {
        return new String(event.json(), StandardCharsets.UTF_8);
    }
}
