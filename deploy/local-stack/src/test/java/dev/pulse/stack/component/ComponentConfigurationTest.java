package dev.pulse.stack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.stack.config.RepositoryConfig;
import dev.pulse.stack.config.StackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the launcher writes for the engines, checked without starting them. */
class ComponentConfigurationTest {

    @TempDir
    Path root;

    private StackContext context() {
        return StackContext.of(new StackLayout(root), RepositoryConfig.defaults());
    }

    @Test
    void druidConfigurationIsCompleteAndUsesAbsolutePathsUnderVar() throws Exception {
        StackContext context = context();
        for (DruidService.Kind kind : DruidService.Kind.values()) {
            new DruidService(context, kind).prepare(context);
        }
        Path conf = context.layout().conf("druid");
        String common = Files.readString(conf.resolve("_common/common.runtime.properties"));

        assertThat(common).contains("jdbc:derby://localhost:1527/" + root.toAbsolutePath() + "/var/data/druid/metadata.db")
                .contains("druid.zk.service.host=localhost:2181")
                .contains("druid.extensions.directory=" + root.toAbsolutePath() + "/var/lib/druid-extensions");
        assertThat(Files.readString(conf.resolve("broker/runtime.properties"))).contains("druid.plaintextPort=8082");
        assertThat(Files.readString(conf.resolve("coordinator/runtime.properties")))
                .contains("druid.coordinator.asOverlord.enabled=true");
        try (Stream<Path> files = Files.walk(conf)) {
            files.filter(Files::isRegularFile).forEach(file -> assertThat(read(file)).doesNotContain("{{"));
        }
    }

    @Test
    void druidQueryServicesGetTheJava17FlagsAndDirectMemory() {
        StackContext context = context();
        List<String> broker = new DruidService(context, DruidService.Kind.BROKER).command(context);
        List<String> router = new DruidService(context, DruidService.Kind.ROUTER).command(context);

        assertThat(broker).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-XX:MaxDirectMemorySize=400m",
                "-Xmx512m", "-Duser.timezone=UTC", "-Dpulse.component=druid-broker");
        assertThat(broker.subList(broker.size() - 3, broker.size()))
                .containsExactly("org.apache.druid.cli.Main", "server", "broker");
        assertThat(router).noneMatch(arg -> arg.startsWith("-XX:MaxDirectMemorySize"));
    }

    @Test
    void zookeeperAndFlinkConfigurationCarryTheConfiguredPorts() throws Exception {
        StackContext context = context();
        new ZooKeeper(context).prepare(context);
        FlinkProcess.writeConfig(context);

        assertThat(Files.readString(context.layout().conf("zookeeper").resolve("zoo.cfg"))).contains("clientPort=2181");
        assertThat(Files.readString(context.layout().conf("flink").resolve("config.yaml")))
                .contains("port: 8086", "numberOfTaskSlots: 4", "size: 2048m");
    }

    @Test
    void everyComponentHasAUniqueNameAndKnownDependencies() {
        List<Component> components = Components.of(context());
        List<String> names = components.stream().map(Component::name).toList();

        assertThat(names).doesNotHaveDuplicates().contains("zookeeper", "kafka", "redis", "druid-broker",
                "flink-jobmanager", "flink-taskmanager");
        components.forEach(c -> assertThat(names).containsAll(c.dependsOn()));
    }

    @Test
    void aTemplatePlaceholderWithoutAValueIsALauncherBug() {
        assertThat(Templates.substitute("port={{port}}", Map.of("port", 1), "t")).isEqualTo("port=1");
        assertThatThrownBy(() -> Templates.substitute("port={{prot}}", Map.of("port", 1), "t"))
                .hasMessageContaining("{{prot}}");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
