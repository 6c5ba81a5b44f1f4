package dev.pulse.router.druid;

/**
 * Druid has no such datasource: nothing was ever ingested into it (a new stack, or a rollup version not written
 * yet). Druid only creates a datasource with its first segment.
 */
public class DatasourceMissingException extends DruidQueryException {

    private final String datasource;

    public DatasourceMissingException(String datasource, String message, Throwable cause) {
        super(message, cause);
        this.datasource = datasource;
    }

    public String datasource() {
        return datasource;
    }
}
