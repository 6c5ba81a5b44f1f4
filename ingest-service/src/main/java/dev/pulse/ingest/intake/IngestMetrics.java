package dev.pulse.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The ingest counters: events accepted and rejected (by source and reason) and requests refused. */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<Source, Counter> accepted = new EnumMap<>(Source.class);
    private final Counter readDirect;
    private final Counter readFull;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Source source : Source.values()) {
            accepted.put(source, Counter.builder("pulse.ingest.events.accepted")
                    .description("events acknowledged by Kafka on their family topic")
                    .tag("source", source.tag()).register(registry));
        }
        // whether clients' events take the direct path is worth watching: the full path costs several times the CPU
        readDirect = readBy(registry, "direct");
        readFull = readBy(registry, "full");
    }

    private static Counter readBy(MeterRegistry registry, String path) {
        return Counter.builder("pulse.ingest.requests.read")
                .description("native requests by the path that read them: direct (copied) or full (parsed, checked)")
                .tag("path", path).register(registry);
    }

    /** A native request was read by the direct path, or else by the full one. */
    public void read(boolean direct) {
        (direct ? readDirect : readFull).increment();
    }

    void accepted(Source source, int events) {
        accepted.get(source).increment(events);
    }

    void rejected(Source source, RejectionReason reason) {
        Counter.builder("pulse.ingest.events.rejected").description("events refused and written to the DLQ")
                .tag("source", source.tag()).tag("reason", reason.code()).register(registry).increment();
    }

    public void refused(Source source, Refusal refusal) {
        Counter.builder("pulse.ingest.requests.refused").description("requests answered without a 200")
                .tag("source", source.tag()).tag("reason", refusal.code()).register(registry).increment();
    }
}
