package dev.pulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.Topics;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Segment's browser SDK, analytics.js ({@code @segment/analytics-next}, pinned in {@code src/test/node/analytics-js}),
 * pointed at the service by its {@code apiHost}, delivers its calls. It runs under Node in a jsdom page, installed
 * with {@code npm ci} into {@code target/analytics-js}. It posts each call to a short path ({@code /v1/t},
 * {@code /v1/p}, {@code /v1/i}, {@code /v1/g}, {@code /v1/a}) as {@code text/plain} with the write key in the body,
 * which the service once answered with 404.
 */
@ExtendWith(PulseStackExtension.class)
class SegmentBrowserSdkIT {

    private static final Path PROJECT = Path.of("src/test/node/analytics-js");
    private static final Path WORK = Path.of("target/analytics-js");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "send.js");

    @Test
    void analyticsJsDeliversTrackPageIdentifyGroupAndAlias(StackAddresses stack) throws Exception {
        install();
        String run = UUID.randomUUID().toString();
        Instant before = Instant.now();
        try (RunningIngest ingest = RunningIngest.start(stack.kafkaBootstrap());
             TopicReader reader = TopicReader.fromNow(stack.kafkaBootstrap(), Topics.rawEventTopics())) {
            String host = ingest.url("").substring("http://".length());
            List<String> calls = node("send.js", host, RunningIngest.WRITE_KEY, run).lines()
                    .filter(line -> line.startsWith("call ")).toList();

            assertThat(calls).as("analytics.js's report of its calls").hasSize(5)
                    .allSatisfy(line -> assertThat(line).endsWith(" delivered"));
            Map<String, String> idByType = calls.stream().map(line -> line.split(" "))
                    .collect(Collectors.toMap(fields -> fields[1], fields -> fields[2]));
            String anonymousId = calls.get(0).split(" ")[3];

            Map<String, Event> byId = reader.read(r -> r.value().contains(run), read -> read.size() >= 5,
                            Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::value).map(EventJson::read)
                    .collect(Collectors.toMap(Event::eventId, event -> event));
            assertThat(byId).containsOnlyKeys(idByType.values());

            Event track = byId.get(idByType.get("track"));
            assertThat(track.eventType()).isEqualTo("Order Completed");
            assertThat(track.userId()).isEqualTo(anonymousId);
            assertThat(track.revenue()).isEqualTo(19.99);
            assertThat(track.currency()).isEqualTo("EUR");
            assertThat(track.properties()).containsEntry("run", run);
            assertThat(track.context().platform()).isEqualTo("web"); // analytics.js sends the user agent and the page
            assertThat(track.timestamp()).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));

            Event page = byId.get(idByType.get("page"));
            assertThat(page.eventType()).isEqualTo("page_view");
            assertThat(page.userId()).isEqualTo(anonymousId);
            assertThat(page.properties()).containsEntry("name", "Cart").containsEntry("category", "Shop")
                    .containsEntry("path", "/cart").containsEntry("run", run);

            Event identify = byId.get(idByType.get("identify"));
            assertThat(identify.eventType()).isEqualTo("identify");
            assertThat(identify.userId()).isEqualTo("u-" + run);
            assertThat(identify.properties()).containsEntry("plan", "pro");

            Event group = byId.get(idByType.get("group"));
            assertThat(group.eventType()).isEqualTo("group");
            assertThat(group.userId()).isEqualTo("u-" + run); // the SDK remembers the identified user
            assertThat(group.properties()).containsEntry("groupId", "g-" + run).containsEntry("name", "Acme");

            // alias("u2-" + run, "u-" + run): this analytics.js sends the identified user as userId, and its
            // second argument as previousId, which the service keeps in properties
            Event alias = byId.get(idByType.get("alias"));
            assertThat(alias.eventType()).isEqualTo("alias");
            assertThat(alias.properties()).containsEntry("previousId", "u-" + run);
        }
    }

    /** The pinned SDK in target/, installed once per lock file. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean current = Files.isDirectory(WORK.resolve("node_modules/@segment/analytics-next"))
                && Files.exists(WORK.resolve("package-lock.json"))
                && Files.mismatch(WORK.resolve("package-lock.json"), PROJECT.resolve("package-lock.json")) == -1;
        for (String file : FILES) {
            Files.copy(PROJECT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!current) {
            run(Duration.ofMinutes(3), "npm", "ci", "--no-audit", "--no-fund");
        }
    }

    private static String node(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "node";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(Duration.ofMinutes(1), command);
    }

    /** Runs a command in target/analytics-js and returns its output; fails the test on a non-zero exit or a hang. */
    private static String run(Duration limit, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException notFound) {
            throw new IllegalStateException(command[0] + " is not on the PATH: this test needs Node.js 18 or newer"
                    + " and npm (the Debian packages nodejs and npm)", notFound);
        }
        boolean finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertThat(finished && process.exitValue() == 0)
                .as("%s (within %s) said:%n%s", Arrays.toString(command), limit, output).isTrue();
        return output;
    }
}
