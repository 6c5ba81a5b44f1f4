package dev.pulse.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ingest.intake.JsonBodies;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.RejectedEventException;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentMessageMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:10Z");

    @Test
    void mapsATrackCallOntoAPulseEvent() {
        Event event = single(SegmentCall.TRACK, """
                {"messageId":"m-1","userId":"u-42","anonymousId":"anon-7","event":"Order Completed",
                 "properties":{"revenue":19.99,"currency":"eur","sku":"A1"},
                 "context":{"location":{"country":"DE"},"device":{"type":"ios"},"os":{"name":"iOS"}},
                 "timestamp":"2026-11-28T10:00:00Z"}""");

        assertThat(event).isEqualTo(new Event("m-1", "Order Completed", "u-42", Instant.parse("2026-11-28T10:00:00Z"),
                null, Map.of("revenue", 19.99, "currency", "eur", "sku", "A1"), new EventContext("DE", "ios", "ios"),
                19.99, "EUR"));
    }

    @Test
    void fallsBackToTheAnonymousIdForTheUser() {
        assertThat(single(SegmentCall.TRACK, "{\"messageId\":\"m\",\"anonymousId\":\"anon-7\",\"event\":\"x\"}").userId())
                .isEqualTo("anon-7");
    }

    @Test
    void callsAPageAPageViewAndKeepsItsName() {
        Event event = single(SegmentCall.PAGE, """
                {"messageId":"m","userId":"u","name":"Home","properties":{"path":"/"},"context":{"page":{"url":"https://x/"}}}""");

        assertThat(event.eventType()).isEqualTo("page_view");
        assertThat(event.properties()).containsEntry("name", "Home").containsEntry("path", "/");
        assertThat(event.context().platform()).isEqualTo("web");
    }

    @Test
    void takesIdentifyTraitsAsProperties() {
        Event event = single(SegmentCall.IDENTIFY, "{\"messageId\":\"m\",\"userId\":\"u\",\"traits\":{\"plan\":\"pro\"}}");

        assertThat(event.eventType()).isEqualTo("identify");
        assertThat(event.properties()).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void keepsAGroupsIdBesideItsTraits() {
        Event event = single(SegmentCall.GROUP, """
                {"messageId":"m","userId":"u","groupId":"acme","traits":{"name":"Acme Inc","plan":"pro"}}""");

        assertThat(event.eventType()).isEqualTo("group");
        assertThat(event.properties()).isEqualTo(Map.of("groupId", "acme", "name", "Acme Inc", "plan", "pro"));
    }

    @Test
    void keepsTheIdAnAliasLinksToTheUser() {
        Event event = single(SegmentCall.ALIAS, "{\"messageId\":\"m\",\"userId\":\"u-42\",\"previousId\":\"anon-7\"}");

        assertThat(event.eventType()).isEqualTo("alias");
        assertThat(event.userId()).isEqualTo("u-42");
        assertThat(event.properties()).isEqualTo(Map.of("previousId", "anon-7"));
    }

    @Test
    void readsEachBatchMessagesOwnTypeAndTheBatchContextAndSentAt() {
        JsonEnvelope envelope = JsonBodies.batch(bytes("""
                {"sentAt":"2026-11-28T11:00:05Z","context":{"location":{"country":"FR"},"device":{"type":"desktop"}},
                 "batch":[{"type":"screen","messageId":"s","userId":"u","name":"Cart","timestamp":"2026-11-28T11:00:00Z"},
                          {"type":"track","messageId":"t","userId":"u","event":"click","timestamp":"2026-11-28T11:00:01Z",
                           "context":{"location":{"country":"DE"}}}]}"""), 10);
        SegmentMessageMapper mapper = new SegmentMessageMapper(SegmentCall.BATCH, envelope, RECEIVED);

        Event screen = mapper.map(envelope.events().get(0));
        Event click = mapper.map(envelope.events().get(1));

        assertThat(screen.eventType()).isEqualTo("screen_view");
        assertThat(screen.context()).isEqualTo(new EventContext("FR", "desktop", null));
        // the client clock is an hour fast: receivedAt - (sentAt - timestamp)
        assertThat(screen.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:00:05Z"));
        assertThat(click.eventType()).isEqualTo("click");
        assertThat(click.context().country()).isEqualTo("DE");
        assertThat(click.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:00:06Z"));
    }

    @Test
    void prefersOriginalTimestampAndAMessagesOwnSentAt() {
        Event event = single(SegmentCall.TRACK, """
                {"messageId":"m","userId":"u","event":"x","originalTimestamp":"2026-11-28T09:00:00Z",
                 "timestamp":"2026-11-28T09:59:00Z","sentAt":"2026-11-28T09:00:10Z"}""");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void givesAMessageWithoutMessageIdAFreshId() {
        Event event = single(SegmentCall.TRACK, "{\"userId\":\"u\",\"event\":\"x\"}");

        assertThat(event.eventId()).hasSize(36);
        assertThat(event.timestamp()).isEqualTo(RECEIVED);
    }

    @Test
    void readsANumericStringRevenueAndIgnoresACurrencyThatIsNoCode() {
        Event event = single(SegmentCall.TRACK,
                "{\"userId\":\"u\",\"event\":\"x\",\"properties\":{\"revenue\":\"12.50\",\"currency\":\"dollars\"}}");

        assertThat(event.revenue()).isEqualTo(12.5);
        assertThat(event.currency()).isNull();
        assertThat(event.properties()).containsEntry("currency", "dollars");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"track","messageId":"m","event":"x"}                      | MISSING_USER       | userId or anonymousId is required
            {"type":"track","messageId":"m","userId":"u"}                     | MISSING_EVENT_TYPE | event is required
            {"messageId":"m","userId":"u"}                                    | MISSING_EVENT_TYPE | type is required
            {"type":"purchase","messageId":"m","userId":"u"}                  | UNKNOWN_TYPE       | type 'purchase' is not one of
            {"type":"track","userId":"u","event":"x","properties":{"revenue":"a"}} | INVALID_FIELD | revenue must be a finite number
            {"type":"track","userId":"u","event":"x","timestamp":"noon"}      | INVALID_FIELD      | timestamp must be an ISO-8601 time
            """)
    void rejectsABatchMessageWithAReason(String json, RejectionReason reason, String message) {
        JsonEnvelope envelope = JsonBodies.batch(bytes("[" + json + "]"), 10);
        SegmentMessageMapper mapper = new SegmentMessageMapper(SegmentCall.BATCH, envelope, RECEIVED);

        assertThatThrownBy(() -> mapper.map(envelope.events().get(0)))
                .isInstanceOfSatisfying(RejectedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    private static Event single(SegmentCall call, String json) {
        JsonEnvelope envelope = JsonBodies.single(bytes(json));
        return new SegmentMessageMapper(call, envelope, RECEIVED).map(envelope.events().get(0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
