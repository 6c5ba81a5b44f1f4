package dev.pulse.ingest.api;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.intake.IngestMetrics;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The native API's endpoint ({@link NativeEventsEndpoint}), mapped to its path with and without a trailing slash. */
@Configuration(proxyBeanMethods = false)
public class NativeApiConfiguration {

    @Bean
    FilterRegistrationBean<NativeEventsEndpoint> nativeEventsEndpoint(NativeIngest ingest, IngestMetrics metrics,
                                                                    IngestProperties properties, Clock clock) {
        FilterRegistrationBean<NativeEventsEndpoint> registration = new FilterRegistrationBean<>(new NativeEventsEndpoint(
                ingest, new NativeErrors(metrics), (int) properties.limits().maxRequestSize().toBytes(), clock));
        registration.addUrlPatterns(NativeEventsEndpoint.PATH, NativeEventsEndpoint.PATH + "/");
        // last in the filter chain: CORS, the request observation and the in-flight gauge come first
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
