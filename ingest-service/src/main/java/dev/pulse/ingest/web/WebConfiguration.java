package dev.pulse.ingest.web;

import dev.pulse.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Request reading, CORS for browser SDKs, and the in-flight gauge. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

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

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // no credentials: the write key travels in the Authorization header or the body, never in a cookie
        registry.addMapping("/v1/**")
                .allowedOriginPatterns(properties.cors().allowedOrigins().toArray(String[]::new))
                .allowedMethods("POST", "OPTIONS")
                .allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING)
                // readable by browser SDKs: analytics.js backs off on a 429 by X-RateLimit-Reset (SegmentErrors)
                .exposedHeaders(HttpHeaders.RETRY_AFTER, "X-RateLimit-Reset")
                .allowCredentials(false)
                .maxAge(properties.cors().maxAge().toSeconds());
    }

    @Bean
    FilterRegistrationBean<InFlightRequests> inFlightRequests(MeterRegistry registry) {
        FilterRegistrationBean<InFlightRequests> registration = new FilterRegistrationBean<>(new InFlightRequests(registry));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
