package dev.pulse.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the ingest service is configured with, under {@code pulse.ingest}. Defaults live in
 * {@code application.yml}; every value can be overridden by an environment variable
 * ({@code PULSE_INGEST_KAFKA_BOOTSTRAP_SERVERS}, ...).
 */
@Validated
@ConfigurationProperties("pulse.ingest")
public record IngestProperties(
        @Valid @NotNull Kafka kafka,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Auth auth,
        @Valid @NotNull Cors cors) {

    /**
     * @param ackTimeout          how long a request waits for Kafka to acknowledge its events before it answers 503
     * @param partitions          partition count of the topics the service creates when they are absent
     * @param probeInterval       how often the service checks that the cluster answers (health and fast 503s)
     * @param bufferReserve       share of the producer buffer kept free: above the rest, requests get 503
     */
    public record Kafka(
            @NotBlank String bootstrapServers,
            @NotNull Duration ackTimeout,
            @Min(1) int partitions,
            @Min(1) short replicationFactor,
            @NotNull Duration probeInterval,
            @NotNull DataSize bufferMemory,
            @Positive @Max(1) double bufferReserve,
            @NotBlank String compression,
            @NotNull Duration linger,
            @NotNull DataSize batchSize,
            @NotNull Duration retryAfter) {

        @AssertTrue(message = "ack-timeout must be at least 1 s: Kafka needs time to acknowledge")
        public boolean isAckTimeoutSensible() {
            return ackTimeout == null || ackTimeout.toMillis() >= 1000;
        }
    }

    /**
     * @param maxEventSize       one event's JSON, as sent
     * @param maxRequestSize     a request body after gzip is inflated (so it caps the inflated size too)
     * @param maxBatchEvents     events in one request
     * @param maxFutureSkew      how far past the time of receipt an event time may lie before it is rejected
     */
    public record Limits(
            @NotNull DataSize maxEventSize,
            @NotNull DataSize maxRequestSize,
            @Min(1) int maxBatchEvents,
            @NotNull Duration maxFutureSkew,
            @Valid @NotNull Rate defaultRate) {
    }

    /** A token bucket: {@code eventsPerSecond} sustained, bursts up to {@code burst} events. */
    public record Rate(@Positive double eventsPerSecond, @Min(1) long burst) {
    }

    /** Write keys, one or more per source, stored as SHA-256 hex digests only. */
    public record Auth(@Valid @NotEmpty List<WriteKey> writeKeys) {
    }

    /**
     * @param source  the name the service reports this key's traffic under (metrics, DLQ, logs); never the key
     * @param sha256  hex SHA-256 of the key ({@code printf %s KEY | sha256sum})
     * @param rate    this key's limit; null takes {@code limits.default-rate}
     */
    public record WriteKey(@NotBlank String source, @NotBlank String sha256, @Valid Rate rate) {
    }

    /** Browser SDKs post from any site, so the default allows every origin; credentials are never allowed. */
    public record Cors(@NotEmpty List<String> allowedOrigins, @NotNull Duration maxAge) {
    }
}
