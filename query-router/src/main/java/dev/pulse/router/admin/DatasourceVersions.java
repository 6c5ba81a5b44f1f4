package dev.pulse.router.admin;

import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.Window;
import dev.pulse.router.query.BadQueryException;
import dev.pulse.router.routing.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Which physical Druid datasource answers for each logical one ({@code rollup_1m} -> {@code rollup_1m_v2}
 * after a replay). The whole mapping is swapped in one step, so no query ever sees half a cutover.
 */
public final class DatasourceVersions {

    /** Physical names are quoted identifiers in SQL; this keeps them plain. */
    private static final Pattern PHYSICAL = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

    private final Set<String> logical;
    private final Set<String> rollups;
    private final AtomicReference<Map<String, String>> active = new AtomicReference<>();

    public DatasourceVersions(MetricCatalog catalog, Map<String, String> initial) {
        this.rollups = new TreeSet<>(catalog.windows().stream().map(Window::datasource).toList());
        var all = new TreeSet<>(rollups);
        all.add(Route.RAW_DATASOURCE);
        this.logical = Set.copyOf(all);
        Map<String, String> identity = new LinkedHashMap<>();
        all.forEach(name -> identity.put(name, name));
        active.set(Map.copyOf(identity));
        if (!initial.isEmpty()) {
            activate(withChanges(initial));
        }
    }

    public String physical(String logicalName) {
        return active.get().getOrDefault(logicalName, logicalName);
    }

    public Map<String, String> active() {
        return active.get();
    }

    /** The logical names of the rollup datasources. */
    public Set<String> rollups() {
        return rollups;
    }

    /**
     * The mapping after some datasources switch (the others keep their version): validated, not yet active, so
     * that it can be stored for every instance before this one uses it.
     */
    public Map<String, String> withChanges(Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new BadQueryException("datasources must map at least one of " + logical + " to a physical name");
        }
        changes.forEach(this::check);
        Map<String, String> next = new LinkedHashMap<>(active.get());
        next.putAll(changes);
        return Map.copyOf(next);
    }

    /** The changes that move every rollup to {@code <name><suffix>} (the replay's cutover). */
    public Map<String, String> rollupsWithSuffix(String suffix) {
        Map<String, String> changes = new LinkedHashMap<>();
        rollups.forEach(name -> changes.put(name, name + suffix));
        return changes;
    }

    /** Makes a whole mapping active in one step; datasources it does not name answer for themselves. */
    public Map<String, String> activate(Map<String, String> mapping) {
        mapping.forEach(this::check);
        Map<String, String> next = new LinkedHashMap<>();
        logical.forEach(name -> next.put(name, mapping.getOrDefault(name, name)));
        active.set(Map.copyOf(next));
        return active.get();
    }

    private void check(String from, String to) {
        if (!logical.contains(from)) {
            throw new BadQueryException("unknown datasource '" + from + "'; known: " + logical);
        }
        if (to == null || !PHYSICAL.matcher(to).matches() || !to.startsWith(from)) {
            throw new BadQueryException("datasource " + from + " can only switch to a name that starts with '"
                    + from + "' and has letters, digits and underscores only, not '" + to + "'");
        }
    }

    /** The physical names analysts may query: the active ones, of every datasource Pulse defines. */
    public List<String> activePhysical() {
        return List.copyOf(new TreeSet<>(active.get().values()));
    }
}
