package dev.pulse.ingest.api;

import static dev.pulse.ingest.TestKeys.SLOW_KEY;
import static dev.pulse.ingest.TestKeys.TEST_KEY;
import static dev.pulse.ingest.TestKeys.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pulse.ingest.Decoded;
import dev.pulse.ingest.IngestSlice;
import dev.pulse.ingest.RecordingSink;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.ingest.segment.SegmentIngestAccess;
import dev.pulse.model.event.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The native endpoint through the service's filter chain, as MockMvc runs it: CORS, the gauge, the endpoint. */
@WebMvcTest
@Import({IngestSlice.class, NativeIngestAccess.class, SegmentIngestAccess.class})
@TestPropertySource(locations = "classpath:ingest-slice.properties")
class NativeEventsEndpointTest {

    private static final String GOOD = "{\"event_id\":\"e-%d\",\"event_type\":\"click\",\"user_id\":\"u-1\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingSink sink;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptySink() {
        sink.clear();
    }

    @Test
    void acceptsTheGoodEventsAndNamesEachRejectedOne() throws Exception {
        String body = "[" + GOOD.formatted(0) + ",{\"event_id\":\"e-1\",\"event_type\":\"click\"}," + GOOD.formatted(2) + "]";

        mvc.perform(events(body).header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accepted":2,"rejected":[{"index":1,"code":"missing_user","message":"user_id is required"}]}""", 
                        org.springframework.test.json.JsonCompareMode.STRICT));

        Batch batch = onlyBatch();
        assertThat(Decoded.events(batch)).extracting(Event::eventId).containsExactly("e-0", "e-2");
        assertThat(Decoded.events(batch)).allSatisfy(e -> assertThat(e.receivedAt()).isNotNull());
        assertThat(batch.keySource()).isEqualTo("test");
        assertThat(batch.rejections()).singleElement().satisfies(r -> assertThat(new String(r.payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"event_id\":\"e-1\",\"event_type\":\"click\"}"));
    }

    @Test
    void countsTheRequestsEachPathRead() throws Exception {
        double direct = readBy("direct");
        double full = readBy("full");

        mvc.perform(events("[" + GOOD.formatted(0) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk());
        mvc.perform(events("[" + GOOD.formatted(0) + ",{\"event_id\":\"e-1\"}]").header(HttpHeaders.AUTHORIZATION,
                basic(TEST_KEY))).andExpect(status().isOk());

        assertThat(readBy("direct")).isEqualTo(direct + 1);
        assertThat(readBy("full")).isEqualTo(full + 1);
    }

    private double readBy(String path) {
        return meters.get("pulse.ingest.requests.read").tag("path", path).counter().count();
    }

    @Test
    void takesTheBatchObjectFormAndAnyContentType() throws Exception {
        mvc.perform(post("/v1/events").contentType(MediaType.TEXT_PLAIN).content("{\"batch\":[" + GOOD.formatted(0) + "]}")
                        .header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void refusesAMissingOrUnknownKeyWith401AndStoresNothing() throws Exception {
        mvc.perform(events("[" + GOOD.formatted(0) + "]"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(events("[" + GOOD.formatted(0) + "]").header(HttpHeaders.AUTHORIZATION, basic("guessed-key")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("the write key is not known"));

        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void refusesMoreEventsThanTheBatchLimitWith413() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }
        mvc.perform(events(body + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("payload_too_large"))
                .andExpect(jsonPath("$.detail").value("a request may hold at most 10 events; split the batch"));
        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void refusesABodyLargerThanTheRequestLimitWith413() throws Exception {
        String body = "[{\"pad\":\"" + "x".repeat(4200) + "\"}]";

        mvc.perform(events(body).header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("payload_too_large"));
    }

    @Test
    void rejectsAnEventLargerThanTheEventLimitAndKeepsTheOthers() throws Exception {
        String large = "{\"event_id\":\"big\",\"event_type\":\"click\",\"user_id\":\"u\",\"properties\":{\"pad\":\""
                + "x".repeat(600) + "\"}}";

        mvc.perform(events("[" + large + "," + GOOD.formatted(1) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(0))
                .andExpect(jsonPath("$.rejected[0].code").value("event_too_large"));
    }

    @Test
    void answersInvalidJsonWith400AfterStoringTheBodyInTheDlq() throws Exception {
        mvc.perform(events("[{\"event_id\":").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid_json"));

        assertThat(onlyBatch().rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_JSON);
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("[{\"event_id\":");
        });
    }

    @Test
    void inflatesAGzipBody() throws Exception {
        byte[] body = gzip(("[" + GOOD.formatted(0) + "]").getBytes(StandardCharsets.UTF_8));

        mvc.perform(post("/v1/events").content(body).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                        .header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void refusesAGzipBodyThatInflatesBeyondTheLimit() throws Exception {
        mvc.perform(post("/v1/events").content(gzip(new byte[100_000])).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                        .header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsAway() throws Exception {
        sink.kafkaAway(true);

        mvc.perform(events("[" + GOOD.formatted(0) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.code").value("kafka_unavailable"));
        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void answers429WithRetryAfterOverTheKeysRate() throws Exception {
        String ten = "[" + String.join(",", java.util.Collections.nCopies(10, GOOD.formatted(0))) + "]";
        mvc.perform(events(ten).header(HttpHeaders.AUTHORIZATION, basic(SLOW_KEY))).andExpect(status().isOk());

        mvc.perform(events("[" + GOOD.formatted(1) + "]").header(HttpHeaders.AUTHORIZATION, basic(SLOW_KEY)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "100"))
                .andExpect(jsonPath("$.code").value("rate_limited"));
        // another key has its own bucket
        mvc.perform(events("[" + GOOD.formatted(2) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk());
    }

    @Test
    void allowsBrowserSdksFromAnyOriginWithoutCredentials() throws Exception {
        mvc.perform(options("/v1/events").header(HttpHeaders.ORIGIN, "https://shop.example")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
    }

    @Test
    void exposesRetryAfterToBrowsersOnTheAnswerItself() throws Exception {
        mvc.perform(events("[" + GOOD.formatted(0) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY))
                        .header(HttpHeaders.ORIGIN, "https://shop.example"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After, X-RateLimit-Reset"));
    }

    @Test
    void takesTheTrailingSlashAndRefusesOtherMethods() throws Exception {
        mvc.perform(post("/v1/events/").content("[" + GOOD.formatted(0) + "]").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(onlyBatch().endpoint()).isEqualTo("/v1/events");

        mvc.perform(get("/v1/events").header(HttpHeaders.AUTHORIZATION, basic(TEST_KEY)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("method_not_allowed"))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.instance").value("/v1/events"));
        mvc.perform(options("/v1/events"))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"));
    }

    private Batch onlyBatch() {
        assertThat(sink.batches()).hasSize(1);
        return sink.batches().get(0);
    }

    private static MockHttpServletRequestBuilder events(String body) {
        return post("/v1/events").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
