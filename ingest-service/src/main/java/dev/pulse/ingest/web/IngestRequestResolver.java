package dev.pulse.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** An {@link IngestRequest} argument of the Segment API's handlers, read by {@link IngestRequest#read}. */
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
        Instant receivedAt = clock.instant();
        return IngestRequest.read(webRequest.getNativeRequest(HttpServletRequest.class), maxRequestBytes, receivedAt);
    }
}
