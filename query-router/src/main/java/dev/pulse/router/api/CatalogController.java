package dev.pulse.router.api;

import dev.pulse.model.catalog.MetricCatalog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/catalog}: the metrics and dimensions a query may name, straight from the catalog. */
@RestController
class CatalogController {

    private final CatalogView view;

    CatalogController(MetricCatalog catalog) {
        this.view = CatalogView.of(catalog);
    }

    @GetMapping("/v1/catalog")
    CatalogView catalog() {
        return view;
    }

    record CatalogView(List<MetricView> metrics, List<DimensionView> dimensions, List<String> granularities) {

        static CatalogView of(MetricCatalog catalog) {
            return new CatalogView(
                    catalog.metrics().stream().map(m -> new MetricView(m.name(), m.description(),
                            m.type().name().toLowerCase(java.util.Locale.ROOT))).toList(),
                    catalog.dimensions().stream().map(d -> new DimensionView(d.name(), d.cardinality(), d.rollup()))
                            .toList(),
                    java.util.Arrays.stream(dev.pulse.router.routing.Granularity.values())
                            .map(dev.pulse.router.routing.Granularity::id).toList());
        }
    }

    record MetricView(String name, String description, String type) {
    }

    /** @param rollup whether the rollups keep it; queries on the others go to raw events */
    record DimensionView(String name, long cardinality, boolean rollup) {
    }
}
