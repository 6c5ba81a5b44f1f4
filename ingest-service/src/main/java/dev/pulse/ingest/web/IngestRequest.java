package dev.pulse.ingest.web;

import dev.pulse.ingest.auth.BasicCredentials;
import dev.pulse.ingest.limits.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * A request to an ingest endpoint, with its body already read within the size limits and inflated.
 *
 * @param endpoint the path it came to, without a trailing slash
 * @param basicKey the write key from HTTP Basic, when the client sent one
 */
public record IngestRequest(String endpoint, byte[] body, Optional<String> basicKey, Instant receivedAt) {

    /**
     * Reads the body itself, within the size limit and through gzip, so that nothing ever buffers an unbounded body,
     * and whatever the Content-Type (browser SDKs send text/plain to avoid a preflight).
     */
    public static IngestRequest read(HttpServletRequest request, int maxRequestBytes, Instant receivedAt)
            throws IOException {
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                request.getHeader(HttpHeaders.CONTENT_ENCODING), maxRequestBytes);
        String uri = request.getRequestURI();
        String endpoint = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return new IngestRequest(endpoint, body,
                BasicCredentials.username(request.getHeader(HttpHeaders.AUTHORIZATION)), receivedAt);
    }
}
