package dev.pulse.ingest;

import dev.pulse.ingest.auth.WriteKeys;
import dev.pulse.ingest.intake.BatchAssembler;
import dev.pulse.ingest.limits.RateLimiter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The pure-logic parts of the service, built once from the configuration. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WriteKeys writeKeys(IngestProperties properties, Environment environment) {
        return WriteKeys.of(properties.auth().writeKeys(), environment.matchesProfiles("local"));
    }

    @Bean
    RateLimiter rateLimiter(IngestProperties properties) {
        IngestProperties.Limits limits = properties.limits();
        Map<String, IngestProperties.Rate> rates = new HashMap<>();
        for (IngestProperties.WriteKey key : properties.auth().writeKeys()) {
            IngestProperties.Rate rate = key.rate() != null ? key.rate() : limits.defaultRate();
            // a full batch must fit in the bucket, or that source could never send one
            if (rate.burst() < limits.maxBatchEvents()) {
                throw new IllegalArgumentException("the rate burst of source '" + key.source() + "' (" + rate.burst()
                        + ") is below max-batch-events (" + limits.maxBatchEvents() + ")");
            }
            rates.put(key.source(), rate);
        }
        return new RateLimiter(rates, limits.defaultRate(), System::nanoTime);
    }

    @Bean
    BatchAssembler batchAssembler(IngestProperties properties) {
        IngestProperties.Limits limits = properties.limits();
        return new BatchAssembler((int) limits.maxEventSize().toBytes(), limits.maxFutureSkew());
    }
}
