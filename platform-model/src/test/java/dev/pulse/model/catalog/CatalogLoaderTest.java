package dev.pulse.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogLoaderTest {

    /** The repository's own catalog: it must always load. */
    private static final Path REPOSITORY_CATALOG = Path.of("..", CatalogLoader.DEFAULT_LOCATION);

    private static final String VALID = """
            version: 1
            windows:
              - {name: 1m, type: tumbling, size: PT1M, topic: rollups.1m, datasource: rollup_1m}
              - {name: 1h_sliding, type: sliding, size: PT1H, slide: PT5M, topic: rollups.1h_sliding, datasource: rollup_1h_sliding}
              - {name: 1h, type: tumbling, size: PT1H, rolled_up_from: 1m, datasource: rollup_1h}
              - {name: 1h_country, type: tumbling, size: PT1H, rolled_up_from: 1m, dimensions: [country], datasource: rollup_1h_country}
            dimensions:
              - {name: country, field: context.country, cardinality: 250}
              - {name: sku, field: properties.sku, cardinality: 100000, rollup: false}
            measures:
              - {name: events, type: count}
              - {name: revenue, type: sum, field: revenue}
              - {name: users, type: hll, field: user_id}
            families:
              - {name: shop, event_types: [transaction], dimensions: [country], measures: [events, users], windows: [1m]}
              - {name: rest, event_types: ["*"], dimensions: [country], measures: [events], windows: [1m, 1h_sliding]}
            metrics:
              - {name: events, type: sum, measure: events}
              - {name: dau, type: distinct, measure: users}
              - {name: conversion_rate, type: ratio, numerator: {measure: users, event_types: [transaction]}, denominator: {measure: users}}
              - {name: events_per_minute, type: rate, measure: events, per: PT1M}
            """;

    @Test
    void loadsTheRepositoryCatalogWithTheMetricsOfTheDesignBrief() {
        MetricCatalog catalog = CatalogLoader.load(REPOSITORY_CATALOG);

        assertThat(catalog.metrics()).extracting(Metric::name)
                .containsExactly("events", "revenue", "dau", "conversion_rate", "events_per_minute");
        assertThat(catalog.rollupDimensions()).extracting(Dimension::name)
                .containsExactly("event_type", "country", "device", "platform");
        assertThat(catalog.windows()).extracting(Window::datasource)
                .containsExactly("rollup_1m", "rollup_5m", "rollup_1h", "rollup_1h_country", "rollup_1h_sliding");
        assertThat(catalog.flinkWindows()).extracting(Window::name).containsExactly("1m", "5m", "1h_sliding");
        assertThat(catalog.measure("users")).get().extracting(Measure::lgK).isEqualTo(12);
    }

    @Test
    void appliesDefaultsAndResolvesFamilies() {
        MetricCatalog catalog = CatalogLoader.parse(VALID, "test");

        assertThat(catalog.dimension("country")).get().extracting(Dimension::rollup).isEqualTo(true);
        assertThat(catalog.dimension("sku")).get().extracting(Dimension::rollup).isEqualTo(false);
        assertThat(catalog.measure("users")).get().extracting(Measure::lgK).isEqualTo(CatalogValidator.DEFAULT_LG_K);
        assertThat(catalog.window("1h_sliding")).get().extracting(Window::granularity).isEqualTo(Duration.ofMinutes(5));
        assertThat(catalog.window("1m")).get().extracting(Window::granularity).isEqualTo(Duration.ofMinutes(1));
        Window hourly = catalog.window("1h").orElseThrow();
        assertThat(hourly.computedByFlink()).isFalse();
        assertThat(hourly.topic()).as("reads its source's topic").isEqualTo("rollups.1m");
        assertThat(catalog.progressSource(hourly).name()).isEqualTo("1m");
        assertThat(catalog.flinkWindows()).extracting(Window::name).containsExactly("1m", "1h_sliding");
        assertThat(catalog.dimensionsOf(hourly)).extracting(Dimension::name).containsExactly("country");
        assertThat(catalog.dimensionsOf(catalog.window("1h_country").orElseThrow())).extracting(Dimension::name)
                .containsExactly("country");
        assertThat(catalog.familyOf("transaction")).get().extracting(Family::name).isEqualTo("shop");
        assertThat(catalog.familyOf("signup")).get().extracting(Family::name).isEqualTo("rest");
        assertThat(catalog.metric("events_per_minute")).get().extracting(Metric::per).isEqualTo(Duration.ofMinutes(1));
    }

    static Stream<Arguments> brokenCatalogs() {
        return Stream.of(
                Arguments.of("wrong version", VALID.replace("version: 1", "version: 2"), "version: must be 1, was 2"),
                Arguments.of("unknown window type", VALID.replace("type: tumbling", "type: hopping"),
                        "windows[0].type: must be one of [tumbling, sliding], was 'hopping'"),
                Arguments.of("slide that does not divide the size", VALID.replace("slide: PT5M", "slide: PT7M"),
                        "windows[1].slide: must be shorter than the size and divide it evenly"),
                Arguments.of("bad duration", VALID.replace("size: PT1M", "size: 1 minute"),
                        "windows[0].size: '1 minute' is not an ISO-8601 duration"),
                Arguments.of("duplicate window", VALID.replace("name: 1h_sliding", "name: 1m"),
                        "windows: '1m' appears more than once"),
                Arguments.of("rolled up from an unknown window", VALID.replace("rolled_up_from: 1m", "rolled_up_from: 2m"),
                        "windows[1h].rolled_up_from: unknown window '2m'"),
                Arguments.of("rolled up from a sliding window",
                        VALID.replace("rolled_up_from: 1m", "rolled_up_from: 1h_sliding"),
                        "windows[1h].rolled_up_from: '1h_sliding' must be a tumbling window the rollup job computes"),
                Arguments.of("rolled up to a size that is not a multiple",
                        VALID.replace("size: PT1H, rolled_up_from", "size: PT90S, rolled_up_from"),
                        "windows[1h].size: a rolled-up window must be tumbling and a multiple of '1m'"),
                Arguments.of("rolled up with a topic of its own",
                        VALID.replace("rolled_up_from: 1m,", "rolled_up_from: 1m, topic: rollups.1h,"),
                        "windows[1h].topic: a rolled-up window reads its source's topic rollups.1m"),
                Arguments.of("a rolled-up window keeping a raw-only dimension",
                        VALID.replace("dimensions: [country], datasource: rollup_1h_country",
                                "dimensions: [sku], datasource: rollup_1h_country"),
                        "windows[1h_country].dimensions: 'sku' is not a rollup dimension"),
                Arguments.of("a window of the rollup job with dimensions of its own",
                        VALID.replace("topic: rollups.1m, datasource: rollup_1m}",
                                "topic: rollups.1m, datasource: rollup_1m, dimensions: [country]}"),
                        "windows[0].dimensions: only a window rolled up from another keeps fewer dimensions"),
                Arguments.of("a family listing a rolled-up window",
                        VALID.replace("windows: [1m, 1h_sliding]", "windows: [1m, 1h]"),
                        "families[1].windows: '1h' is rolled up by Druid from '1m'"),
                Arguments.of("unknown family dimension", VALID.replace("dimensions: [country], measures: [events, users]",
                        "dimensions: [colour], measures: [events, users]"), "families[0].dimensions: unknown dimension 'colour'"),
                Arguments.of("raw-only dimension in a family", VALID.replace("dimensions: [country], measures: [events, users]",
                        "dimensions: [sku], measures: [events, users]"), "'sku' is raw-only"),
                Arguments.of("event type in two families", VALID.replace("event_types: [\"*\"]", "event_types: [transaction]"),
                        "event type 'transaction' is in both 'shop' and 'rest'"),
                Arguments.of("distinct over a count", VALID.replace("type: distinct, measure: users", "type: distinct, measure: events"),
                        "metrics[1].measure: measure 'events' is count, which this metric type cannot use"),
                Arguments.of("ratio without denominator", VALID.replace(", denominator: {measure: users}", ""),
                        "metrics[2].denominator: a ratio metric needs one"),
                Arguments.of("sum without field", VALID.replace("type: sum, field: revenue", "type: sum"),
                        "measures[1].field: a sum measure needs a field"),
                Arguments.of("not an event field", VALID.replace("field: context.country", "field: geo"),
                        "dimensions[0].field: 'geo' is not an event field"),
                Arguments.of("upper-case name", VALID.replace("name: country", "name: Country"),
                        "dimensions[0].name: must be lower-case"),
                Arguments.of("misspelt key", VALID.replace("cardinality: 250", "cardinalty: 250"),
                        "Unrecognized field \"cardinalty\""),
                Arguments.of("no metrics", VALID.substring(0, VALID.indexOf("metrics:")), "metrics: at least one entry is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCatalogs")
    void reportsWhatIsWrongAndWhere(String caseName, String yaml, String expectedProblem) {
        assertThatThrownBy(() -> CatalogLoader.parse(yaml, "broken.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining(expectedProblem);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = VALID.replace("version: 1", "version: 3").replace("size: PT1M,", "size: one minute,");

        assertThatThrownBy(() -> CatalogLoader.parse(yaml, "x"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void saysWhereToPointWhenTheFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("file not found").hasMessageContaining(CatalogLoader.LOCATION_VARIABLE);
    }

    @Test
    void findsTheCatalogInAParentDirectoryUnlessConfigured(@TempDir Path root) throws Exception {
        Path catalog = root.resolve(CatalogLoader.DEFAULT_LOCATION);
        Files.createDirectories(catalog.getParent());
        Files.writeString(catalog, VALID);
        Path nested = Files.createDirectories(root.resolve("a/b"));

        assertThat(CatalogLoader.locate(null, nested)).isEqualTo(catalog);
        assertThat(CatalogLoader.locate("/etc/pulse/metrics.yaml", nested)).isEqualTo(Path.of("/etc/pulse/metrics.yaml"));
    }
}
