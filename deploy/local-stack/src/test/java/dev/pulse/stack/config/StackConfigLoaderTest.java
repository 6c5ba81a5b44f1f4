package dev.pulse.stack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigLoaderTest {

    private static final Path REPOSITORY = RepositoryConfig.ROOT;

    @Test
    void theRepositoryDefaultsAreThoseOfTheDesignBrief() {
        StackConfig config = RepositoryConfig.defaults();

        assertThat(config.ports().kafka()).isEqualTo(9092);
        assertThat(config.ports().druidBroker()).isEqualTo(8082);
        assertThat(config.ports().flinkRest()).isEqualTo(8086);
        assertThat(config.ports().redis()).isEqualTo(6379);
        assertThat(config.memory().flinkTaskSlots()).isEqualTo(4);
        assertThat(config.memory().druidIndexer()).isEqualTo(MemorySize.parse("1g"));
    }

    @Test
    void localOverridesWinOverTheSharedFile(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.copy(REPOSITORY.resolve(StackConfigLoader.FILE), root.resolve(StackConfigLoader.FILE));
        // written over the shared file, as a developer's own overrides are
        Files.writeString(root.resolve(StackConfigLoader.LOCAL_OVERRIDES), "port.kafka=19092\ntimeout.start.seconds=9\n");

        StackConfig config = StackConfigLoader.load(root);

        assertThat(config.ports().kafka()).isEqualTo(19092);
        assertThat(config.timeouts().start()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.ports().druidBroker()).isEqualTo(8082);
    }

    @Test
    void reportsEveryMissingMalformedAndUnknownSetting() throws Exception {
        Properties properties = RepositoryConfig.properties();
        properties.remove("port.redis");
        properties.setProperty("port.kafka", "ninety");
        properties.setProperty("port.druid.broker", "70000");
        properties.setProperty("heap.kafka", "1 gig");
        properties.setProperty("heap.kafak", "1g");

        assertThatThrownBy(() -> StackConfigLoader.from(properties))
                .hasMessageContaining("port.redis: missing")
                .hasMessageContaining("port.kafka: 'ninety' is not a whole number")
                .hasMessageContaining("port.druid.broker: 70000 is not a TCP port")
                .hasMessageContaining("heap.kafka: '1 gig' is not a size")
                .hasMessageContaining("heap.kafak: unknown setting");
    }

    @Test
    void saysWhichFileIsMissing(@TempDir Path root) {
        assertThatThrownBy(() -> StackConfigLoader.load(root)).hasMessageContaining("config/stack.properties");
    }

    @Test
    void parsesJvmSizes() throws Exception {
        assertThat(MemorySize.parse("512m").bytes()).isEqualTo(512L << 20);
        assertThat(MemorySize.parse("2G").bytes()).isEqualTo(2L << 30);
        assertThat(MemorySize.parse("1024k").jvm()).isEqualTo("1m");
        assertThat(MemorySize.parse("1g").toString()).isEqualTo("1 GiB");
        assertThatThrownBy(() -> MemorySize.parse("-1g")).isInstanceOf(IllegalArgumentException.class);
    }
}
