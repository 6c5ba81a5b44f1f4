package dev.pulse.ingest.api;

import dev.pulse.ingest.web.IngestRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/events}: a JSON array of events, or {@code {"batch":[...]}}. */
@RestController
class NativeEventsController {

    private final NativeIngest ingest;

    NativeEventsController(NativeIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping({"/v1/events", "/v1/events/"})
    void post(IngestRequest request, HttpServletResponse response) throws IOException {
        // a refusal is thrown before anything is written, and NativeErrors answers it
        ingest.ingest(request).writeTo(response);
    }
}
