package dev.pulse.model.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalScannerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");

    @Test
    void readsEveryFieldOutsideThePropertiesOfWhatEventJsonWrites() {
        Event event = new Event("7f1c", "transaction", "u-42", T0, T0.plusSeconds(1),
                Map.of("sku", "A1", "nested", Map.of("q", "}\"{", "list", List.of(1, "]"))),
                new EventContext("DE", "mobile", "web"), 19.99, "EUR");

        assertThat(CanonicalScanner.fields(EventJson.write(event))).isEqualTo(new CanonicalScanner.Fields("7f1c",
                "transaction", "u-42", T0.toEpochMilli(), 19.99, "EUR", "DE", "mobile", "web"));
        assertThat(CanonicalScanner.head(EventJson.write(event)))
                .isEqualTo(new CanonicalEvent.Head("7f1c", "transaction", "u-42", T0.toEpochMilli()));
    }

    @Test
    void readsEventsWithoutTheOptionalFields() {
        Event bare = new Event("e1", "click", "u1", T0, null, Map.of(), null, null, null);
        Event someContext = new Event("e2", "click", "u1", T0, null, Map.of(), new EventContext(null, "tv", null),
                7.0, null);
        Event lastContext = new Event("e3", "click", "u1", T0, T0, Map.of(), new EventContext("FR", null, "ios"),
                null, "USD");

        assertThat(CanonicalScanner.fields(EventJson.write(bare))).isEqualTo(
                new CanonicalScanner.Fields("e1", "click", "u1", T0.toEpochMilli(), null, null, null, null, null));
        assertThat(CanonicalScanner.fields(EventJson.write(someContext))).isEqualTo(
                new CanonicalScanner.Fields("e2", "click", "u1", T0.toEpochMilli(), 7.0, null, null, "tv", null));
        assertThat(CanonicalScanner.fields(EventJson.write(lastContext))).isEqualTo(
                new CanonicalScanner.Fields("e3", "click", "u1", T0.toEpochMilli(), null, "USD", "FR", null, "ios"));
    }

    /** Random events with escapes, non-ASCII text, nested properties and every number form: never a wrong value. */
    @Test
    void readsRandomEventsAsTheirFieldsOrLeavesThemToTheParser() {
        Random random = new Random(20261202);
        int scanned = 0;
        int heads = 0;
        for (int i = 0; i < 20_000; i++) {
            Event event = EventWriterTest.randomEvent(random);
            byte[] json = EventJson.write(event);

            CanonicalScanner.Fields fields = CanonicalScanner.fields(json);
            CanonicalEvent.Head head = CanonicalScanner.head(json);

            if (head != null) {
                heads++;
                assertThat(head).as(event.toString()).isEqualTo(CanonicalEvent.parseHead(json));
            }
            if (fields != null) {
                scanned++;
                assertThat(head).as("a record whose fields are read has its head read too").isNotNull();
                EventContext context = event.context();
                assertThat(fields).as(event.toString()).isEqualTo(new CanonicalScanner.Fields(event.eventId(),
                        event.eventType(), event.userId(), event.timestamp().toEpochMilli(), event.revenue(),
                        event.currency(), context.country(), context.device(), context.platform()));
            }
        }
        // the random texts nearly always hold an escape or a non-ASCII character somewhere in the event
        assertThat(heads).as("leading fields without escapes are read here").isGreaterThan(10);
        assertThat(scanned).as("events whose text needs no escapes are read here").isGreaterThan(0);
    }

    @Test
    void readsEveryAsciiEventOfTheUsualShape() {
        Random random = new Random(5);
        String[] countries = {"DE", "FR", "US"};
        for (int i = 0; i < 5_000; i++) {
            Double revenue = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> random.nextInt(100_000) / 100.0;
                case 2 -> random.nextDouble() * 1e-7;
                default -> -random.nextDouble() * 1e15;
            };
            Event event = new Event("id-" + random.nextLong(), "page_view", "user-" + random.nextInt(1000),
                    T0.plusNanos(random.nextLong(1_000_000_000_000L)), T0, Map.of("path", "/p/" + i),
                    new EventContext(countries[random.nextInt(3)], "mobile", "web"), revenue,
                    revenue == null ? null : "EUR");

            CanonicalScanner.Fields fields = CanonicalScanner.fields(EventJson.write(event));

            assertThat(fields).as(new String(EventJson.write(event), UTF_8)).isNotNull();
            assertThat(fields.revenue()).isEqualTo(event.revenue());
            assertThat(fields.timestamp()).isEqualTo(event.timestamp().toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // text it leaves to the parser: escapes and non-ASCII
            "{\"event_id\":\"e\\\"1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"caf\u00e9\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{}}",
            // numbers JSON refuses, or that are no finite double
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":01}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":1.}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":-.5}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":1e}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":1e999}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"revenue\":\"NaN\"}",
            // another order, missing or extra parts
            "{\"event_type\":\"click\",\"event_id\":\"e1\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"context\":{}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{\"device\":\"tv\",\"country\":\"DE\"}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{},\"currency\":\"EUR\",\"revenue\":1}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{}} ",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{\"a\":\"}\",\"context\":{}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\" \",\"timestamp\":\"2026-11-28T10:00:00Z\",\"properties\":{},\"context\":{}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"today\",\"properties\":{},\"context\":{}}",
            ""})
    void leavesToTheParserWhatItIsNotSureOf(String json) {
        assertThat(CanonicalScanner.fields(json.getBytes(UTF_8))).isNull();
    }

    @Test
    void readsTheSameCompleteRecordWhenItsOptionalPartsAreThere() {
        String json = "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\","
                + "\"received_at\":\"anything\",\"properties\":{\"a\":\"}\\\"{\"},\"context\":{\"country\":\"DE\",\"platform\":\"web\"},"
                + "\"revenue\":-1.5E3,\"currency\":\"EUR\"}";

        assertThat(CanonicalScanner.fields(json.getBytes(UTF_8))).isEqualTo(new CanonicalScanner.Fields("e1", "click",
                "u", Instant.parse("2026-11-28T10:00:00Z").toEpochMilli(), -1500.0, "EUR", "DE", null, "web"));
    }

    @Test
    void readsNoRecord() {
        assertThat(CanonicalScanner.fields(null)).isNull();
        assertThat(CanonicalScanner.head(null)).isNull();
    }
}
