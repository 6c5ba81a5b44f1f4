package dev.pulse.ingest.web;

import dev.pulse.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request reading, CORS for browser SDKs, and the in-flight gauge. CORS and the gauge are filters on every ingest
 * path, as the native endpoint is a filter itself, last in the chain ({@code NativeApiConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final String INGEST_PATHS = "/v1/*";

    private final IngestProperties properties;
    private final Clock clock;

    WebConfiguration(IngestProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IngestRequestResolver((int) properties.limits().maxRequestSize().toBytes(), clock));
    }

    @Bean
    FilterRegistrationBean<CorsFilter> cors() {
        CorsConfiguration cors = cors(properties.cors());
        // one configuration for every ingest path: the filter's URL pattern already chose the requests
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(request -> cors));
        registration.addUrlPatterns(INGEST_PATHS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        return registration;
    }

    static CorsConfiguration cors(IngestProperties.Cors settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING));
        // readable by browser SDKs: analytics.js backs off on a 429 by X-RateLimit-Reset (SegmentErrors)
        cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, "X-RateLimit-Reset"));
        // no credentials: the write key travels in the Authorization header or the body, never in a cookie
        cors.setAllowCredentials(false);
        cors.setMaxAge(settings.maxAge());
        return cors;
    }

    @Bean
    FilterRegistrationBean<InFlightRequests> inFlightRequests(MeterRegistry registry) {
        FilterRegistrationBean<InFlightRequests> registration = new FilterRegistrationBean<>(new InFlightRequests(registry));
        registration.addUrlPatterns(INGEST_PATHS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }
}
