package dev.pulse.ingest.intake;

import dev.pulse.ingest.limits.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one path every request's events take, whatever API they came through: rate limit, a cheap check that Kafka
 * can take them, then the write that returns only once Kafka acknowledged everything.
 */
@Service
public class Intake {

    private final RateLimiter rateLimiter;
    private final EventSink sink;
    private final IngestMetrics metrics;

    public Intake(RateLimiter rateLimiter, EventSink sink, IngestMetrics metrics) {
        this.rateLimiter = rateLimiter;
        this.sink = sink;
        this.metrics = metrics;
    }

    public IntakeResult submit(Batch batch) {
        Optional<Duration> wait = rateLimiter.tryAcquire(batch.keySource(), batch.size());
        if (wait.isPresent()) {
            throw RequestRefusedException.retryLater(Refusal.RATE_LIMITED, "source '" + batch.keySource()
                    + "' is over its rate limit; retry later", wait.get(), null);
        }
        sink.checkAvailable();
        sink.write(batch);
        metrics.accepted(batch.source(), batch.events().size());
        batch.rejections().forEach(rejection -> metrics.rejected(batch.source(), rejection.reason()));
        return new IntakeResult(batch.events().size(), batch.rejections());
    }

    /**
     * Stores a body that is not JSON at all in the DLQ, as one rejection, before the request is answered with 400.
     * Only authenticated requests get here, so the DLQ is not a free store for anonymous junk.
     */
    public void rejectBody(Source source, String endpoint, String keySource, Instant receivedAt, byte[] body, String problem) {
        Rejection rejection = new Rejection(0, RejectionReason.INVALID_JSON, problem, body);
        submit(new Batch(source, endpoint, keySource, receivedAt, List.of(), List.of(rejection)));
    }
}
