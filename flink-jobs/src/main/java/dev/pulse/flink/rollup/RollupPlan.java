package dev.pulse.flink.rollup;

import dev.pulse.model.catalog.Dimension;
import dev.pulse.model.catalog.Family;
import dev.pulse.model.catalog.Measure;
import dev.pulse.model.catalog.MeasureType;
import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.model.catalog.Window;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rollup job computes, derived once from the metric catalog: the operators get this small serializable
 * plan rather than the catalog. Rollup rows carry the catalog's own column names (dimension and measure names), the
 * same names the Druid supervisor specs are generated from.
 *
 * <p>Supported measures: one {@code count}, at most one {@code sum} of {@code revenue}, and at most one {@code hll}
 * of {@code user_id}; the plan refuses anything else rather than computing it wrongly.
 */
public record RollupPlan(
        List<String> dimensionNames,
        List<String> dimensionFields,
        List<FamilyPlan> families,
        List<WindowPlan> windows,
        String countMeasure,
        String revenueMeasure,
        String usersMeasure,
        int lgK) implements Serializable {

    /** A family: its event types, which of the plan's dimensions it keeps, which measures and windows. */
    public record FamilyPlan(String name, Set<String> eventTypes, boolean catchAll, boolean[] keepsDimension,
                             boolean measuresRevenue, boolean measuresUsers, boolean[] inWindow)
            implements Serializable {
    }

    /**
     * A window. {@code pane} is how often it closes (size for tumbling, slide for sliding); a window spans
     * {@code size / pane} consecutive panes.
     */
    public record WindowPlan(String name, long sizeMillis, long paneMillis, String topic, String datasource)
            implements Serializable {

        public int panesPerWindow() {
            return (int) (sizeMillis / paneMillis);
        }
    }

    public static RollupPlan from(MetricCatalog catalog) {
        List<Dimension> dims = catalog.rollupDimensions();
        List<String> dimNames = dims.stream().map(Dimension::name).toList();
        List<WindowPlan> windows = catalog.flinkWindows().stream().map(RollupPlan::window).toList();
        String count = measureOf(catalog, MeasureType.COUNT, null).orElseThrow(
                () -> new IllegalArgumentException("the catalog needs a count measure for rollups"));
        String revenue = measureOf(catalog, MeasureType.SUM, "revenue").orElse(null);
        String users = measureOf(catalog, MeasureType.HLL, "user_id").orElse(null);
        int lgK = catalog.measures().stream().filter(m -> m.type() == MeasureType.HLL).map(Measure::lgK)
                .findFirst().orElse(12);
        List<FamilyPlan> families = new ArrayList<>();
        for (Family f : catalog.families()) {
            boolean[] keeps = new boolean[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                keeps[i] = f.dimensions().contains(dimNames.get(i));
            }
            boolean[] inWindow = new boolean[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                inWindow[i] = f.windows().contains(windows.get(i).name());
            }
            families.add(new FamilyPlan(f.name(), Set.copyOf(f.eventTypes()), f.catchAll(), keeps,
                    revenue != null && f.measures().contains(revenue), users != null && f.measures().contains(users),
                    inWindow));
        }
        return new RollupPlan(dimNames, dims.stream().map(Dimension::field).toList(), List.copyOf(families), windows,
                count, revenue, users, lgK);
    }

    private static WindowPlan window(Window w) {
        return new WindowPlan(w.name(), w.size().toMillis(), w.granularity().toMillis(), w.topic(), w.datasource());
    }

    private static Optional<String> measureOf(MetricCatalog catalog, MeasureType type, String field) {
        List<Measure> matching = catalog.measures().stream().filter(m -> m.type() == type).toList();
        if (matching.size() > 1) {
            throw new IllegalArgumentException("the rollup job supports one " + type + " measure, the catalog has "
                    + matching.size());
        }
        if (!matching.isEmpty() && field != null && !field.equals(matching.get(0).field())) {
            throw new IllegalArgumentException("the rollup job supports a " + type + " measure of " + field
                    + " only, not of " + matching.get(0).field());
        }
        return matching.stream().findFirst().map(Measure::name);
    }

    /** The family index for an event type: the family naming it, else the catch-all, else -1 (not rolled up). */
    public int familyOf(String eventType) {
        int catchAll = -1;
        for (int i = 0; i < families.size(); i++) {
            if (families.get(i).eventTypes().contains(eventType)) {
                return i;
            }
            if (families.get(i).catchAll() && catchAll < 0) {
                catchAll = i;
            }
        }
        return catchAll;
    }

    /** The distinct pane sizes, smallest first: each event updates one pane per size, whatever the windows. */
    public long[] paneSizes() {
        return windows.stream().mapToLong(WindowPlan::paneMillis).distinct().sorted().toArray();
    }

    public long finestPaneMillis() {
        return paneSizes()[0];
    }

    /**
     * The pane events are gathered by before the window operator: the greatest common divisor of the pane sizes, so
     * that each of its panes lies within exactly one pane of every size (the finest pane when it divides the others).
     */
    public long combiningPaneMillis() {
        long gcd = 0;
        for (long size : paneSizes()) {
            for (long a = size; a != 0; ) { // Euclid: gcd(gcd, size)
                long rest = gcd % a;
                gcd = a;
                a = rest;
            }
        }
        return gcd;
    }

    public Optional<WindowPlan> window(String name) {
        return windows.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
