package dev.pulse.ingest;

import dev.pulse.ingest.intake.IngestMetrics;
import dev.pulse.ingest.intake.Intake;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What a controller slice needs beside the controller: the real intake and checks, with a {@link RecordingSink}. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@Import({IngestConfiguration.class, Intake.class, IngestMetrics.class})
public class IngestSlice {

    @Bean
    RecordingSink recordingSink() {
        return new RecordingSink();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
