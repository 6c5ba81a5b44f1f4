package dev.pulse.model.catalog;

import dev.pulse.model.catalog.CatalogFile.DimensionEntry;
import dev.pulse.model.catalog.CatalogFile.FamilyEntry;
import dev.pulse.model.catalog.CatalogFile.FilterEntry;
import dev.pulse.model.catalog.CatalogFile.MeasureEntry;
import dev.pulse.model.catalog.CatalogFile.MetricEntry;
import dev.pulse.model.catalog.CatalogFile.WindowEntry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a {@link CatalogFile} and builds the {@link MetricCatalog}. It reports every problem at once, each
 * with its path ({@code windows[2].slide}), so a bad catalog is fixed in one round rather than one error at a time.
 */
final class CatalogValidator {

    static final int SUPPORTED_VERSION = 1;
    static final int DEFAULT_LG_K = 12;
    /** Names become Druid columns and SQL identifiers: keep them to plain lower-case words. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Window names are durations such as {@code 1m} and only ever appear inside other names. */
    private static final Pattern WINDOW_NAME = Pattern.compile("[a-z0-9][a-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("(event_type|user_id|event_id|revenue|currency"
            + "|context\\.[a-z_]+|properties\\.[A-Za-z0-9_]+)");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    CatalogValidator(String source) {
        this.source = source;
    }

    MetricCatalog validate(CatalogFile file) {
        if (file.version() == null || file.version() != SUPPORTED_VERSION) {
            problems.add("version: must be " + SUPPORTED_VERSION + ", was " + file.version());
        }
        List<Window> entered = each("windows", file.windows(), this::window);
        List<Dimension> dimensions = each("dimensions", file.dimensions(), this::dimension);
        List<Measure> measures = each("measures", file.measures(), this::measure);
        unique("windows", entered, Window::name);
        unique("windows", entered, Window::datasource);
        unique("dimensions", dimensions, Dimension::name);
        unique("measures", measures, Measure::name);

        List<Window> windows = rolledUp(entered, index(entered, Window::name));
        unique("windows", windows.stream().filter(Window::computedByFlink).toList(), Window::topic);
        Map<String, Window> windowsByName = index(windows, Window::name);
        Map<String, Dimension> dimensionsByName = index(dimensions, Dimension::name);
        windows.stream().filter(w -> w.dimensions() != null).forEach(w -> w.dimensions().stream()
                .filter(d -> dimensionsByName.get(d) == null || !dimensionsByName.get(d).rollup())
                .forEach(d -> problems.add("windows[" + w.name() + "].dimensions: '" + d
                        + "' is not a rollup dimension")));
        Map<String, Measure> measuresByName = index(measures, Measure::name);

        List<Family> families = each("families", file.families(),
                (path, entry) -> family(path, entry, windowsByName, dimensionsByName, measuresByName));
        unique("families", families, Family::name);
        eventTypesInOneFamilyOnly(families);

        List<Metric> metrics = each("metrics", file.metrics(), (path, entry) -> metric(path, entry, measuresByName));
        unique("metrics", metrics, Metric::name);

        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        return new MetricCatalog(file.version(), windows, dimensions, measures, families, metrics);
    }

    private Window window(String path, WindowEntry entry) {
        String name = entry.name();
        if (name == null || !WINDOW_NAME.matcher(name).matches()) {
            problems.add(path + ".name: must be lower-case letters, digits and '_', was '" + name + "'");
        }
        WindowType type = enumValue(path + ".type", entry.type(), WindowType.class);
        Duration size = positiveDuration(path + ".size", entry.size());
        Duration slide = null;
        if (type == WindowType.SLIDING) {
            slide = positiveDuration(path + ".slide", entry.slide());
            if (size != null && slide != null && (slide.compareTo(size) >= 0 || size.toMillis() % slide.toMillis() != 0)) {
                problems.add(path + ".slide: must be shorter than the size and divide it evenly (size " + size
                        + ", slide " + slide + ")");
            }
        } else if (type == WindowType.TUMBLING && entry.slide() != null) {
            problems.add(path + ".slide: only sliding windows have a slide");
        }
        // a window Druid rolls up from another reads that window's topic, filled in by rolledUp()
        String topic = entry.rolledUpFrom() == null ? required(path + ".topic", entry.topic()) : entry.topic();
        String datasource = required(path + ".datasource", entry.datasource());
        if (entry.dimensions() != null && entry.rolledUpFrom() == null) {
            problems.add(path + ".dimensions: only a window rolled up from another keeps fewer dimensions (the rollup"
                    + " job's windows keep their families' dimensions)");
        }
        return new Window(name, type, size, slide, topic, datasource, entry.rolledUpFrom(), entry.dimensions());
    }

    /**
     * Resolves the windows Druid rolls up from another window's rows: the source must be a tumbling window the
     * rollup job computes, and this window a coarser tumbling one whose size is a multiple of the source's, so that
     * every source row falls into exactly one of its buckets. Such a window costs the rollup job nothing.
     */
    private List<Window> rolledUp(List<Window> windows, Map<String, Window> byName) {
        List<Window> resolved = new ArrayList<>();
        for (Window w : windows) {
            if (w.computedByFlink()) {
                resolved.add(w);
                continue;
            }
            String path = "windows[" + w.name() + "]";
            Window source = byName.get(w.rolledUpFrom());
            if (source == null) {
                problems.add(path + ".rolled_up_from: unknown window '" + w.rolledUpFrom() + "'");
            } else if (!source.computedByFlink() || source.type() != WindowType.TUMBLING) {
                problems.add(path + ".rolled_up_from: '" + source.name()
                        + "' must be a tumbling window the rollup job computes");
            } else if (source.size() == null) {
                // the source's own size is wrong, and already reported
            } else if (w.type() != WindowType.TUMBLING || w.size() == null
                    || w.size().compareTo(source.size()) <= 0 || w.size().toMillis() % source.size().toMillis() != 0) {
                problems.add(path + ".size: a rolled-up window must be tumbling and a multiple of '" + source.name()
                        + "' (" + source.size() + "), was " + w.type() + " " + w.size());
            } else if (w.topic() != null && !w.topic().equals(source.topic())) {
                problems.add(path + ".topic: a rolled-up window reads its source's topic "
                        + source.topic() + "; leave it out");
            } else {
                resolved.add(new Window(w.name(), w.type(), w.size(), null, source.topic(), w.datasource(),
                        source.name(), w.dimensions()));
                continue;
            }
            resolved.add(w);
        }
        return resolved;
    }

    private Dimension dimension(String path, DimensionEntry entry) {
        String name = name(path, entry.name());
        String field = required(path + ".field", entry.field());
        if (field != null && !FIELD.matcher(field).matches()) {
            problems.add(path + ".field: '" + field + "' is not an event field (event_type, user_id, context.<name>,"
                    + " properties.<name>, ...)");
        }
        long cardinality = entry.cardinality() == null ? 0 : entry.cardinality();
        if (cardinality <= 0) {
            problems.add(path + ".cardinality: must be a positive estimate of distinct values");
        }
        return new Dimension(name, field, cardinality, entry.rollup() == null || entry.rollup());
    }

    private Measure measure(String path, MeasureEntry entry) {
        String name = name(path, entry.name());
        MeasureType type = enumValue(path + ".type", entry.type(), MeasureType.class);
        Integer lgK = null;
        if (type == MeasureType.COUNT && entry.field() != null) {
            problems.add(path + ".field: a count measure counts events and takes no field");
        }
        if ((type == MeasureType.SUM || type == MeasureType.HLL) && entry.field() == null) {
            problems.add(path + ".field: a " + type.name().toLowerCase(Locale.ROOT) + " measure needs a field");
        }
        if (type == MeasureType.HLL) {
            lgK = entry.lgK() == null ? DEFAULT_LG_K : entry.lgK();
            if (lgK < 4 || lgK > 21) {
                problems.add(path + ".lg_k: must be between 4 and 21, was " + lgK);
            }
        } else if (entry.lgK() != null) {
            problems.add(path + ".lg_k: only hll measures have lg_k");
        }
        return new Measure(name, type, entry.field(), lgK);
    }

    private Family family(String path, FamilyEntry entry, Map<String, Window> windows,
                          Map<String, Dimension> dimensions, Map<String, Measure> measures) {
        String name = name(path, entry.name());
        List<String> eventTypes = nonEmpty(path + ".event_types", entry.eventTypes());
        List<String> dims = nonEmpty(path + ".dimensions", entry.dimensions());
        List<String> meas = nonEmpty(path + ".measures", entry.measures());
        List<String> wins = nonEmpty(path + ".windows", entry.windows());
        dims.forEach(d -> {
            Dimension dimension = dimensions.get(d);
            if (dimension == null) {
                problems.add(path + ".dimensions: unknown dimension '" + d + "'");
            } else if (!dimension.rollup()) {
                problems.add(path + ".dimensions: '" + d + "' is raw-only (rollup: false) and cannot be rolled up");
            }
        });
        meas.stream().filter(m -> !measures.containsKey(m))
                .forEach(m -> problems.add(path + ".measures: unknown measure '" + m + "'"));
        wins.stream().filter(w -> !windows.containsKey(w))
                .forEach(w -> problems.add(path + ".windows: unknown window '" + w + "'"));
        wins.stream().map(windows::get).filter(w -> w != null && !w.computedByFlink())
                .forEach(w -> problems.add(path + ".windows: '" + w.name() + "' is rolled up by Druid from '"
                        + w.rolledUpFrom() + "' and follows that window's families; leave it out"));
        return new Family(name, eventTypes, dims, meas, wins);
    }

    private Metric metric(String path, MetricEntry entry, Map<String, Measure> measures) {
        String name = name(path, entry.name());
        MetricType type = enumValue(path + ".type", entry.type(), MetricType.class);
        Duration per = null;
        if (type == MetricType.SUM || type == MetricType.RATE) {
            requireMeasure(path + ".measure", entry.measure(), measures, Set.of(MeasureType.COUNT, MeasureType.SUM));
        } else if (type == MetricType.DISTINCT) {
            requireMeasure(path + ".measure", entry.measure(), measures, Set.of(MeasureType.HLL));
        } else if (type == MetricType.RATIO) {
            filter(path + ".numerator", entry.numerator(), measures);
            filter(path + ".denominator", entry.denominator(), measures);
        }
        if (type == MetricType.RATE) {
            per = positiveDuration(path + ".per", entry.per());
        }
        return new Metric(name, entry.description() == null ? "" : entry.description(), type, entry.measure(),
                toFilter(entry.numerator()), toFilter(entry.denominator()), per);
    }

    private void filter(String path, FilterEntry entry, Map<String, Measure> measures) {
        if (entry == null) {
            problems.add(path + ": a ratio metric needs one");
            return;
        }
        requireMeasure(path + ".measure", entry.measure(), measures, Set.of(MeasureType.values()));
    }

    private static Metric.MeasureFilter toFilter(FilterEntry entry) {
        return entry == null ? null : new Metric.MeasureFilter(entry.measure(), entry.eventTypes());
    }

    private void requireMeasure(String path, String name, Map<String, Measure> measures, Set<MeasureType> allowed) {
        if (name == null) {
            problems.add(path + ": is required");
            return;
        }
        Measure measure = measures.get(name);
        if (measure == null) {
            problems.add(path + ": unknown measure '" + name + "'");
        } else if (!allowed.contains(measure.type())) {
            problems.add(path + ": measure '" + name + "' is " + measure.type().name().toLowerCase(Locale.ROOT)
                    + ", which this metric type cannot use");
        }
    }

    private void eventTypesInOneFamilyOnly(List<Family> families) {
        Map<String, String> owner = new HashMap<>();
        for (Family family : families) {
            for (String eventType : family.eventTypes()) {
                String previous = owner.putIfAbsent(eventType, family.name());
                if (previous != null) {
                    problems.add("families: event type '" + eventType + "' is in both '" + previous + "' and '"
                            + family.name() + "'");
                }
            }
        }
    }

    private <E, T> List<T> each(String path, List<E> entries, EntryReader<E, T> reader) {
        if (entries == null || entries.isEmpty()) {
            problems.add(path + ": at least one entry is required");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            if (entry == null) {
                problems.add(path + "[" + i + "]: empty entry");
            } else {
                result.add(reader.read(path + "[" + i + "]", entry));
            }
        }
        return result;
    }

    private <T> void unique(String path, List<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            if (value != null && !seen.add(value)) {
                problems.add(path + ": '" + value + "' appears more than once");
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> {
            if (key.apply(item) != null) {
                map.putIfAbsent(key.apply(item), item);
            }
        });
        return map;
    }

    private String name(String path, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            problems.add(path + ".name: must be lower-case letters, digits and '_', starting with a letter, was '"
                    + value + "'");
        }
        return value;
    }

    private String required(String path, String value) {
        if (value == null || value.isBlank()) {
            problems.add(path + ": is required");
        }
        return value;
    }

    private List<String> nonEmpty(String path, List<String> values) {
        if (values == null || values.isEmpty()) {
            problems.add(path + ": at least one entry is required");
            return List.of();
        }
        return values;
    }

    private <T extends Enum<T>> T enumValue(String path, String value, Class<T> type) {
        try {
            return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            problems.add(path + ": must be one of " + allowed + ", was '" + value + "'");
            return null;
        }
    }

    private Duration positiveDuration(String path, String value) {
        if (value == null) {
            problems.add(path + ": is required (an ISO-8601 duration such as PT5M)");
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                problems.add(path + ": must be positive, was " + value);
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(path + ": '" + value + "' is not an ISO-8601 duration such as PT5M");
            return null;
        }
    }

    @FunctionalInterface
    private interface EntryReader<E, T> {
        T read(String path, E entry);
    }
}
