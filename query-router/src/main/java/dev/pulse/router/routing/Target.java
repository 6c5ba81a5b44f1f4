package dev.pulse.router.routing;

/** Which kind of datasource answers a query. */
public enum Target {
    ROLLUP, RAW
}
