package dev.pulse.ingest.segment;

import dev.pulse.ingest.web.IngestRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Segment HTTP Tracking API paths. Success is exactly 200 {@code {"success":true}}: some SDKs count any other
 * 2xx as a failure. Each path also answers with a trailing slash, which analytics-java uses ({@code /v1/import/}).
 * analytics.js, the browser SDK, posts each call to the first letter of its type ({@code /v1/t}, {@code /v1/p},
 * {@code /v1/s}, {@code /v1/i}, {@code /v1/g}, {@code /v1/a}) and its batches to {@code /v1/b}, with the write key
 * in the body and a text/plain body (no CORS preflight).
 */
@RestController
class SegmentController {

    static final SegmentResponse SUCCESS = new SegmentResponse(true);

    private final SegmentIngest ingest;

    SegmentController(SegmentIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping({"/v1/track", "/v1/track/", "/v1/t"})
    SegmentResponse track(IngestRequest request) {
        return handle(SegmentCall.TRACK, request);
    }

    @PostMapping({"/v1/page", "/v1/page/", "/v1/p"})
    SegmentResponse page(IngestRequest request) {
        return handle(SegmentCall.PAGE, request);
    }

    @PostMapping({"/v1/screen", "/v1/screen/", "/v1/s"})
    SegmentResponse screen(IngestRequest request) {
        return handle(SegmentCall.SCREEN, request);
    }

    @PostMapping({"/v1/identify", "/v1/identify/", "/v1/i"})
    SegmentResponse identify(IngestRequest request) {
        return handle(SegmentCall.IDENTIFY, request);
    }

    @PostMapping({"/v1/group", "/v1/group/", "/v1/g"})
    SegmentResponse group(IngestRequest request) {
        return handle(SegmentCall.GROUP, request);
    }

    @PostMapping({"/v1/alias", "/v1/alias/", "/v1/a"})
    SegmentResponse alias(IngestRequest request) {
        return handle(SegmentCall.ALIAS, request);
    }

    @PostMapping({"/v1/batch", "/v1/batch/", "/v1/b"})
    SegmentResponse batch(IngestRequest request) {
        return handle(SegmentCall.BATCH, request);
    }

    @PostMapping({"/v1/import", "/v1/import/"})
    SegmentResponse importBatch(IngestRequest request) {
        return handle(SegmentCall.IMPORT, request);
    }

    private SegmentResponse handle(SegmentCall call, IngestRequest request) {
        ingest.ingest(call, request);
        return SUCCESS;
    }

    record SegmentResponse(boolean success) {
    }
}
