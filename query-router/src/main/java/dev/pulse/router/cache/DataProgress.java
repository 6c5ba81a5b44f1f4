package dev.pulse.router.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest completeness time per datasource, as announced on {@code rollups.progress}. Never goes back. */
public final class DataProgress {

    private final Map<String, Instant> completeUntil = new ConcurrentHashMap<>();

    public void advance(String datasource, Instant until) {
        completeUntil.merge(datasource, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The progress of the physical datasource, else of its logical name (producers may use either). */
    public Optional<Instant> of(String physical, String logical) {
        return Optional.ofNullable(completeUntil.get(physical)).or(() -> Optional.ofNullable(completeUntil.get(logical)));
    }

    /** The latest progress of any datasource: a signal that new data arrived, for raw queries. */
    public Optional<Instant> latest() {
        return completeUntil.values().stream().max(Instant::compareTo);
    }

    public Map<String, Instant> snapshot() {
        return Map.copyOf(completeUntil);
    }
}
