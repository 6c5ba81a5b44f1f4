package dev.pulse.router.routing;

/**
 * Where a metric query goes and why.
 *
 * @param datasource the logical (unversioned) datasource name, as in the catalog
 * @param window     the catalog window of a rollup route; null for raw
 */
public record Route(Target target, String datasource, String window, String reason) {

    public static final String RAW_DATASOURCE = "events_raw";

    static Route raw(String reason) {
        return new Route(Target.RAW, RAW_DATASOURCE, null, reason);
    }
}
