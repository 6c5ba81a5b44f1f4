package dev.pulse.stack.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The repository's shared config/stack.properties alone, for tests: a developer's (or CI's)
 * config/stack.local.properties must not change what the tests expect.
 */
public final class RepositoryConfig {

    public static final Path ROOT = Path.of("../..");

    private RepositoryConfig() {
    }

    public static Properties properties() {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve(StackConfigLoader.FILE))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static StackConfig defaults() {
        return StackConfigLoader.from(properties());
    }
}
