package dev.pulse.ingest.segment;

import static dev.pulse.ingest.TestKeys.TEST_KEY;
import static dev.pulse.ingest.TestKeys.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pulse.ingest.Decoded;
import dev.pulse.ingest.IngestSlice;
import dev.pulse.ingest.RecordingSink;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.ingest.intake.Source;
import dev.pulse.model.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(SegmentController.class)
@Import({IngestSlice.class, SegmentIngest.class})
@TestPropertySource(locations = "classpath:ingest-slice.properties")
class SegmentControllerTest {

    private static final String SUCCESS = "{\"success\":true}";

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingSink sink;

    @BeforeEach
    void emptySink() {
        sink.clear();
    }

    @Test
    void answersATrackCallWithExactlySuccessTrue() throws Exception {
        post("/v1/track", "{\"messageId\":\"m-1\",\"userId\":\"u\",\"event\":\"Signed Up\"}", TEST_KEY)
                .andExpect(status().isOk())
                .andExpect(content().string(SUCCESS));

        Event event = Decoded.events(onlyBatch()).get(0);
        assertThat(event.eventId()).isEqualTo("m-1");
        assertThat(event.eventType()).isEqualTo("Signed Up");
        assertThat(onlyBatch().source()).isEqualTo(Source.SEGMENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/v1/page, page_view",
            "/v1/screen, screen_view",
            "/v1/identify, identify",
            "/v1/group, group",
            "/v1/alias, alias",
            "/v1/track/, Clicked",
            "/v1/t, Clicked",
            "/v1/p, page_view",
            "/v1/s, screen_view",
            "/v1/i, identify",
            "/v1/g, group",
            "/v1/a, alias"})
    void givesEachSingleCallItsEventType(String path, String eventType) throws Exception {
        post(path, "{\"messageId\":\"m\",\"userId\":\"u\",\"event\":\"Clicked\",\"type\":\"ignored\"}", TEST_KEY)
                .andExpect(status().isOk()).andExpect(content().string(SUCCESS));

        assertThat(Decoded.events(onlyBatch())).extracting(Event::eventType).containsExactly(eventType);
    }

    @Test
    void takesTheWriteKeyFromTheBodyAndTheImportPathWithASlash() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/v1/import/")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"writeKey\":\"" + TEST_KEY + "\",\"batch\":[{\"type\":\"track\",\"messageId\":\"m\","
                                + "\"anonymousId\":\"a\",\"event\":\"x\"}]}"))
                .andExpect(status().isOk()).andExpect(content().string(SUCCESS));

        assertThat(onlyBatch().endpoint()).isEqualTo("/v1/import");
    }

    /** A track call as analytics.js (the browser SDK) posts it: short path, text/plain, the write key in the body. */
    @Test
    void takesATrackCallAsTheBrowserSdkPostsIt() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/v1/t")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("""
                                {"timestamp":"2026-11-28T10:00:00.000Z","integrations":{},"type":"track",
                                 "properties":{"revenue":19.99,"currency":"EUR"},"event":"Order Completed",
                                 "messageId":"ajs-next-1732788000000-7f1c","anonymousId":"a-7",
                                 "context":{"page":{"url":"https://shop.example/cart"},"userAgent":"Mozilla/5.0",
                                 "library":{"name":"analytics.js","version":"next-1.70.0"},"locale":"de-DE"},
                                 "writeKey":"%s","sentAt":"2026-11-28T10:00:00.020Z",
                                 "_metadata":{"bundled":["Segment.io"],"unbundled":[],"bundledIds":[]}}"""
                                .formatted(TEST_KEY)))
                .andExpect(status().isOk()).andExpect(content().string(SUCCESS));

        Batch batch = onlyBatch();
        assertThat(batch.endpoint()).isEqualTo("/v1/track");
        Event event = Decoded.events(batch).get(0);
        assertThat(event.eventId()).isEqualTo("ajs-next-1732788000000-7f1c");
        assertThat(event.eventType()).isEqualTo("Order Completed");
        assertThat(event.userId()).isEqualTo("a-7");
        assertThat(event.revenue()).isEqualTo(19.99);
        assertThat(event.context().platform()).isEqualTo("web");
    }

    /** analytics.js's batching delivery: {@code /v1/b}, the write key and sentAt beside the batch. */
    @Test
    void takesABatchAsTheBrowserSdkPostsIt() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/v1/b")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("""
                                {"writeKey":"%s","sentAt":"2026-11-28T10:00:05.000Z","batch":[
                                 {"type":"page","messageId":"p-1","anonymousId":"a-7","name":"Cart",
                                  "timestamp":"2026-11-28T10:00:00.000Z","properties":{"path":"/cart"}},
                                 {"type":"identify","messageId":"i-1","userId":"u-42","anonymousId":"a-7",
                                  "timestamp":"2026-11-28T10:00:01.000Z","traits":{"plan":"pro"}},
                                 {"type":"alias","messageId":"al-1","userId":"u-42","previousId":"a-7",
                                  "timestamp":"2026-11-28T10:00:02.000Z"}]}""".formatted(TEST_KEY)))
                .andExpect(status().isOk()).andExpect(content().string(SUCCESS));

        Batch batch = onlyBatch();
        assertThat(batch.endpoint()).isEqualTo("/v1/batch");
        assertThat(batch.rejections()).isEmpty();
        assertThat(Decoded.events(batch)).extracting(Event::eventType).containsExactly("page_view", "identify", "alias");
    }

    @Test
    void answersABatchWithABadMessage200AndStoresTheBadOneInTheDlq() throws Exception {
        post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"messageId\":\"ok\",\"userId\":\"u\",\"event\":\"x\"},"
                + "{\"type\":\"track\",\"messageId\":\"bad\",\"event\":\"x\"}]}", TEST_KEY)
                .andExpect(status().isOk()).andExpect(content().string(SUCCESS));

        Batch batch = onlyBatch();
        assertThat(Decoded.events(batch)).extracting(Event::eventId).containsExactly("ok");
        assertThat(batch.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_USER);
        });
    }

    @Test
    void answersASingleBadMessageWith400AndItsCodeAfterStoringIt() throws Exception {
        post("/v1/track", "{\"messageId\":\"m\",\"event\":\"x\"}", TEST_KEY)
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"code\":\"missing_user\",\"message\":\"userId or anonymousId is required\"}",
                        JsonCompareMode.STRICT));

        assertThat(onlyBatch().rejections()).hasSize(1);
    }

    @Test
    void answersAnUnknownKeyWith401InSegmentsErrorShape() throws Exception {
        post("/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"writeKey\":\"guessed\"}", null)
                .andExpect(status().isUnauthorized())
                .andExpect(content().json("{\"code\":\"unauthorized\",\"message\":\"the write key is not known\"}",
                        JsonCompareMode.STRICT));
        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void storesInvalidJsonOfAKnownKeyButNotOfAnUnknownOne() throws Exception {
        post("/v1/batch", "{\"batch\":[", TEST_KEY).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("invalid_json"));
        assertThat(onlyBatch().rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_JSON));

        sink.clear();
        post("/v1/batch", "{\"writeKey\":\"" + TEST_KEY + "\",\"batch\":[", null).andExpect(status().isUnauthorized());
        assertThat(sink.batches()).isEmpty();
    }

    /** analytics.js reads X-RateLimit-Reset (seconds to wait), not Retry-After; a browser only if CORS exposes it. */
    @Test
    void tellsTheBrowserSdkWhenToRetryOverTheKeysRate() throws Exception {
        String tenEvents = "{\"writeKey\":\"slow-write-key\",\"batch\":[" + String.join(",",
                java.util.Collections.nCopies(10, "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\"}")) + "]}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/v1/b")
                .contentType(MediaType.TEXT_PLAIN).content(tenEvents)).andExpect(status().isOk());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/v1/t")
                        .header(HttpHeaders.ORIGIN, "https://shop.example")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("{\"writeKey\":\"slow-write-key\",\"userId\":\"u\",\"event\":\"x\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "100"))
                .andExpect(header().string("X-RateLimit-Reset", "100"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        org.hamcrest.Matchers.containsString("X-RateLimit-Reset")));
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsAway() throws Exception {
        sink.kafkaAway(true);

        post("/v1/track", "{\"userId\":\"u\",\"event\":\"x\"}", TEST_KEY)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(content().json("{\"code\":\"kafka_unavailable\",\"message\":\"Kafka is unreachable; retry later\"}",
                        JsonCompareMode.STRICT));
    }

    @Test
    void refusesABatchAboveTheLimitWith413() throws Exception {
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{}"));
        post("/v1/batch", "{\"batch\":[" + eleven + "]}", TEST_KEY)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("payload_too_large"));
    }

    private ResultActions post(String path, String body, String key) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header(HttpHeaders.AUTHORIZATION, basic(key));
        }
        return mvc.perform(request);
    }

    private Batch onlyBatch() {
        assertThat(sink.batches()).hasSize(1);
        return sink.batches().get(0);
    }
}
