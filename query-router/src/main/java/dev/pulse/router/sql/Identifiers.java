package dev.pulse.router.sql;

import dev.pulse.model.catalog.Dimension;

/** Quoting and column names. Every identifier that reaches SQL comes from the catalog or from this class. */
public final class Identifiers {

    private Identifiers() {
    }

    /** A double-quoted SQL identifier (Druid's and Calcite's quoting), inner quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The column of a dimension in {@code events_raw}: top-level fields keep their name, context fields lose
     * the prefix, properties are flattened as {@code prop_<name>} (the flattening the Druid spec uses).
     */
    public static String rawColumn(Dimension dimension) {
        String field = dimension.field();
        if (field.startsWith("context.")) {
            return field.substring("context.".length());
        }
        if (field.startsWith("properties.")) {
            return "prop_" + field.substring("properties.".length());
        }
        return field;
    }
}
