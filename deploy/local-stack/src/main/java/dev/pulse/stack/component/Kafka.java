package dev.pulse.stack.component;

import dev.pulse.stack.health.HealthCheck;
import dev.pulse.stack.health.KafkaHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/** One Kafka 4.2 node in KRaft mode, broker and controller in one process. */
final class Kafka implements Component {

    private final StackContext context;

    Kafka(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.ports().kafka(), context.ports().kafkaController());
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public long memoryBytes() {
        return context.memory().kafka().bytes() + (256L << 20);
    }

    @Override
    public void prepare(StackContext context) throws IOException, InterruptedException {
        Path conf = context.layout().conf(name());
        Path data = context.layout().data(name());
        Templates.render("kafka/server.properties", Map.of(
                "data", data,
                "port", context.ports().kafka(),
                "controllerPort", context.ports().kafkaController()), conf.resolve("server.properties"));
        Templates.writeLog4j(conf.resolve("log4j2.xml"));
        if (!Files.exists(data.resolve("meta.properties"))) {
            formatStorage(context, conf, data);
        }
    }

    /** KRaft storage is formatted once, with a fresh cluster id; formatting again would refuse a used log. */
    private void formatStorage(StackContext context, Path conf, Path data) throws IOException, InterruptedException {
        Files.createDirectories(data);
        List<String> format = new JvmCommand(context, this)
                .log4j(conf.resolve("log4j2.xml"))
                .classpath(context.layout().lib("kafka") + "/*")
                .main("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", conf.resolve("server.properties").toString());
        Path log = context.layout().log(name() + "-format");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(format).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IOException("formatting Kafka's storage failed; see " + log + ":\n" + Files.readString(log));
        }
    }

    @Override
    public List<String> command(StackContext context) {
        Path conf = context.layout().conf(name());
        return new JvmCommand(context, this)
                .heap(context.memory().kafka().jvm())
                .log4j(conf.resolve("log4j2.xml"))
                .classpath(context.layout().lib("kafka") + "/*")
                .main("kafka.Kafka", conf.resolve("server.properties").toString());
    }

    @Override
    public HealthCheck health() {
        return new KafkaHealth(context.ports().kafka());
    }

    @Override
    public String url() {
        return "localhost:" + context.ports().kafka() + " (bootstrap)";
    }
}
