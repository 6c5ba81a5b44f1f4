package dev.pulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import dev.pulse.model.Topics;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Segment's own Java SDK (analytics-java), pointed at the service by its endpoint, delivers its events unchanged. */
@ExtendWith(PulseStackExtension.class)
class SegmentSdkIT {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

    @Test
    void analyticsJavaDeliversTrackPageScreenAndIdentify(StackAddresses stack) throws Exception {
        String run = UUID.randomUUID().toString();
        List<Message> delivered = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4);

        try (RunningIngest ingest = RunningIngest.start(stack.kafkaBootstrap());
             TopicReader reader = TopicReader.fromNow(stack.kafkaBootstrap(), Topics.rawEventTopics())) {
            Analytics analytics = Analytics.builder(RunningIngest.WRITE_KEY)
                    .endpoint(ingest.url(""))
                    .flushInterval(1, TimeUnit.SECONDS)
                    .callback(new Callback() {
                        @Override
                        public void success(Message message) {
                            delivered.add(message);
                            done.countDown();
                        }

                        @Override
                        public void failure(Message message, Throwable throwable) {
                            failures.add(throwable);
                            done.countDown();
                        }
                    })
                    .build();
            try {
                analytics.enqueue(TrackMessage.builder("Order Completed").messageId(run + "-track").userId("u-42")
                        .timestamp(Date.from(T0))
                        .properties(Map.of("revenue", 42.5, "currency", "EUR", "sku", "A1"))
                        .context(Map.of("location", Map.of("country", "DE"), "device", Map.of("type", "mobile"))));
                analytics.enqueue(PageMessage.builder("Home").messageId(run + "-page").anonymousId("anon-7")
                        .timestamp(Date.from(T0)).properties(Map.of("path", "/")));
                analytics.enqueue(ScreenMessage.builder("Cart").messageId(run + "-screen").userId("u-42")
                        .timestamp(Date.from(T0)));
                analytics.enqueue(IdentifyMessage.builder().messageId(run + "-identify").userId("u-42")
                        .timestamp(Date.from(T0)).traits(Map.of("plan", "pro")));
                analytics.flush();
                assertThat(done.await(60, TimeUnit.SECONDS)).as("the SDK reported every message").isTrue();
            } finally {
                analytics.shutdown();
            }
            assertThat(failures).isEmpty();
            assertThat(delivered).hasSize(4);

            Map<String, ConsumerRecord<String, String>> byId = reader.read(r -> r.value().contains(run),
                            read -> read.size() >= 4, Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                    .collect(Collectors.toMap(r -> EventJson.read(r.value()).eventId(), r -> r));
            assertThat(byId).containsOnlyKeys(run + "-track", run + "-page", run + "-screen", run + "-identify");

            Event track = event(byId, run + "-track");
            assertThat(track.eventType()).isEqualTo("Order Completed");
            assertThat(track.userId()).isEqualTo("u-42");
            assertThat(track.properties()).isEqualTo(Map.of("revenue", 42.5, "currency", "EUR", "sku", "A1"));
            assertThat(track.revenue()).isEqualTo(42.5);
            assertThat(track.currency()).isEqualTo("EUR");
            assertThat(track.context().country()).isEqualTo("DE");
            assertThat(track.context().device()).isEqualTo("mobile");
            // same clock on both sides here, so the skew correction must land on the time the SDK was given
            assertThat(track.timestamp()).isBetween(T0.minusSeconds(2), T0.plusSeconds(2));
            assertThat(byId.get(run + "-track").topic()).isEqualTo("events.other");

            Event page = event(byId, run + "-page");
            assertThat(page.eventType()).isEqualTo("page_view");
            assertThat(page.userId()).isEqualTo("anon-7");
            assertThat(page.properties()).containsEntry("name", "Home").containsEntry("path", "/");
            assertThat(byId.get(run + "-page").topic()).isEqualTo("events.page_view");
            assertThat(byId.get(run + "-page").key()).isEqualTo("anon-7");

            assertThat(event(byId, run + "-screen").eventType()).isEqualTo("screen_view");
            assertThat(event(byId, run + "-screen").properties()).containsEntry("name", "Cart");
            Event identify = event(byId, run + "-identify");
            assertThat(identify.eventType()).isEqualTo("identify");
            assertThat(identify.properties()).isEqualTo(Map.of("plan", "pro"));
        }
    }

    private static Event event(Map<String, ConsumerRecord<String, String>> byId, String id) {
        return EventJson.read(byId.get(id).value());
    }
}
