package dev.pulse.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the native endpoint's small JSON answers straight to the response, with their length. The endpoint is served
 * ahead of Spring MVC ({@link NativeEventsEndpoint}), so no message converter writes them.
 */
final class JsonAnswer {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonAnswer() {
    }

    static void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
        writeBytes(response, status, contentType, MAPPER.writeValueAsBytes(body));
    }

    /** Writes JSON already serialised (named apart from {@link #write}: a byte array is an Object, too). */
    static void writeBytes(HttpServletResponse response, int status, String contentType, byte[] bytes)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
