package dev.pulse.ingest.segment;

import dev.pulse.ingest.web.IngestRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Segment HTTP Tracking API paths. Success is exactly 200 {@code {"success":true}}: some SDKs count any other
 * 2xx as a failure. Each path also answers with a trailing slash, which analytics-java uses ({@code /v1/import/}).
 */
@RestController
class SegmentController {

    static final SegmentResponse SUCCESS = new SegmentResponse(true);

    private final SegmentIngest ingest;

    SegmentController(SegmentIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping({"/v1/track", "/v1/track/"})
    SegmentResponse track(IngestRequest request) {
        return handle(SegmentCall.TRACK, request);
    }

    @PostMapping({"/v1/page", "/v1/page/"})
    SegmentResponse page(IngestRequest request) {
        return handle(SegmentCall.PAGE, request);
    }

    @PostMapping({"/v1/screen", "/v1/screen/"})
    SegmentResponse screen(IngestRequest request) {
        return handle(SegmentCall.SCREEN, request);
    }

    @PostMapping({"/v1/identify", "/v1/identify/"})
    SegmentResponse identify(IngestRequest request) {
        return handle(SegmentCall.IDENTIFY, request);
    }

    @PostMapping({"/v1/batch", "/v1/batch/"})
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
