package dev.pulse.router.api;

import dev.pulse.router.query.CachedAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a cache hit from the compressed rows Redis returned, followed by the route, cache status and query id: the
 * same JSON as a {@link dev.pulse.router.query.QueryResponse}. A client that accepts gzip (every browser) gets the
 * stored deflate data inside one gzip member, so a 195 KB chart crosses the wire as about a tenth of that and nothing
 * is compressed per hit; any other client gets it inflated.
 */
@Component
class CachedAnswerConverter extends AbstractHttpMessageConverter<CachedAnswer> {

    private final JsonMapper json;

    CachedAnswerConverter(JsonMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return CachedAnswer.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CachedAnswer readInternal(Class<? extends CachedAnswer> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a cached answer is never read from a request", input);
    }

    @Override
    protected Long getContentLength(CachedAnswer answer, MediaType contentType) {
        return null;
    }

    @Override
    protected void writeInternal(CachedAnswer answer, HttpOutputMessage output) throws IOException {
        byte[] tail = (",\"route\":" + json.writeValueAsString(answer.route())
                + ",\"cache\":" + json.writeValueAsString(answer.cache())
                + ",\"queryId\":" + json.writeValueAsString(answer.queryId()) + "}").getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = output.getHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip()) {
            byte[] gzip = answer.rows().gzip(tail);
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            headers.setContentLength(gzip.length);
            output.getBody().write(gzip);
        } else {
            byte[] head = answer.rows().head();
            headers.setContentLength(head.length + tail.length);
            output.getBody().write(head);
            output.getBody().write(tail);
        }
    }

    /** The converter API passes no request: the servlet request of this thread says what the client accepts. */
    private static boolean acceptsGzip() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        return acceptsGzip(attributes.getRequest().getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** @param acceptEncoding e.g. {@code gzip, deflate, br}; {@code gzip;q=0} refuses it */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim();
                    if (parameter.startsWith("q=")) {
                        return quality(parameter.substring(2).trim()) > 0;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static double quality(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
