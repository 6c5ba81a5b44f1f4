package dev.pulse.ingest.web;

import dev.pulse.ingest.auth.BasicCredentials;
import dev.pulse.ingest.limits.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads the body of an ingest request itself, within the size limit and through gzip, so that no converter ever
 * buffers an unbounded body, and whatever the Content-Type (browser SDKs send text/plain to avoid a preflight).
 */
final class IngestRequestResolver implements HandlerMethodArgumentResolver {

    private final int maxRequestBytes;
    private final Clock clock;

    IngestRequestResolver(int maxRequestBytes, Clock clock) {
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IngestRequest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Instant receivedAt = clock.instant();
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                request.getHeader(HttpHeaders.CONTENT_ENCODING), maxRequestBytes);
        String uri = request.getRequestURI();
        String endpoint = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return new IngestRequest(endpoint, body,
                BasicCredentials.username(request.getHeader(HttpHeaders.AUTHORIZATION)), receivedAt);
    }
}
