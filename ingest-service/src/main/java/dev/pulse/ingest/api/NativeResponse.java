package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.IntakeResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/** {@code {"accepted":N,"rejected":[{"index":i,"code":"...","message":"..."}]}} */
record NativeResponse(int accepted, List<RejectedEvent> rejected) {

    record RejectedEvent(int index, String code, String message) {
    }

    static NativeResponse of(IntakeResult result) {
        return new NativeResponse(result.accepted(), result.rejections().stream()
                .map(r -> new RejectedEvent(r.index(), r.reason().code(), r.message())).toList());
    }

    /** Writes the 200 answer straight to the response ({@link JsonAnswer}). */
    void writeTo(HttpServletResponse response) throws IOException {
        if (rejected.isEmpty()) {
            // nearly every request's answer: written as the mapper writes it, without the mapper
            JsonAnswer.writeBytes(response, HttpServletResponse.SC_OK, MediaType.APPLICATION_JSON_VALUE, allAccepted());
            return;
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, MediaType.APPLICATION_JSON_VALUE, this);
    }

    /** The answer when nothing was rejected. */
    byte[] allAccepted() {
        return ("{\"accepted\":" + accepted + ",\"rejected\":[]}").getBytes(StandardCharsets.US_ASCII);
    }
}
