package dev.pulse.model.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and validates the metric catalog. */
public final class CatalogLoader {

    /** Where the catalog lives relative to the repository root, and the environment variable that overrides it. */
    public static final String DEFAULT_LOCATION = "catalog/metrics.yaml";
    public static final String LOCATION_VARIABLE = "PULSE_CATALOG";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // a misspelt key in the catalog is a mistake to report, not to ignore
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogLoader() {
    }

    public static MetricCatalog load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(file.toString(), List.of("file not found (set " + LOCATION_VARIABLE
                    + " to the catalog's path)"));
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric catalog " + file, e);
        }
    }

    /** Loads the catalog from {@code $PULSE_CATALOG}, else from the nearest {@code catalog/metrics.yaml} upwards. */
    public static MetricCatalog loadDefault() {
        return load(locate(System.getenv(LOCATION_VARIABLE), Path.of("").toAbsolutePath()));
    }

    static Path locate(String configured, Path workingDirectory) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_LOCATION);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return workingDirectory.resolve(DEFAULT_LOCATION);
    }

    public static MetricCatalog parse(String yaml, String source) {
        CatalogFile file;
        try {
            file = YAML.readValue(yaml, CatalogFile.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CatalogException(source, List.of(e.getOriginalMessage() + where));
        }
        if (file == null) {
            throw new CatalogException(source, List.of("the file is empty"));
        }
        return new CatalogValidator(source).validate(file);
    }
}
