package dev.pulse.router;

import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;

/** The repository's real catalog, found from the module directory Maven runs tests in. */
public final class TestCatalog {

    public static final MetricCatalog CATALOG = CatalogLoader.loadDefault();

    private TestCatalog() {
    }
}
