package dev.pulse.router.cache;

import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.Window;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The latest completeness time per datasource, as announced on {@code rollups.progress}. Never goes back. */
public final class DataProgress {

    private final Map<String, Instant> completeUntil = new ConcurrentHashMap<>();
    /** Logical datasource -> the one whose progress it follows, for those Druid rolls up from another's rows. */
    private final Map<String, String> follows;

    public DataProgress(Map<String, String> follows) {
        this.follows = Map.copyOf(follows);
    }

    /** The rollup job announces progress for the windows it computes; a window Druid derives follows its source. */
    public static DataProgress forCatalog(MetricCatalog catalog) {
        return new DataProgress(catalog.windows().stream().filter(w -> !w.computedByFlink())
                .collect(Collectors.toMap(Window::datasource, w -> catalog.progressSource(w).datasource())));
    }

    public void advance(String datasource, Instant until) {
        completeUntil.merge(datasource, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The progress of the physical datasource, else of its logical name (producers may use either). A derived
     * datasource answers with its source's progress, of the same version ({@code rollup_1h_v2} follows
     * {@code rollup_5m_v2}: physical names are the logical name plus a version suffix).
     */
    public Optional<Instant> of(String physical, String logical) {
        String source = follows.get(logical);
        if (source != null) {
            String version = physical.startsWith(logical) ? physical.substring(logical.length()) : "";
            return of(source + version, source);
        }
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
