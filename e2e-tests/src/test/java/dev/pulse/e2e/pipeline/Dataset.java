package dev.pulse.e2e.pipeline;

import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated events with known truth, tagged by a unique {@code platform} value so that the Druid queries of one run
 * see only that run's rows, whatever else the shared stack ingests. On-time events are spread over the last few
 * minutes in shuffled order (out of order, within the allowed lateness); duplicates resend the same events (SDK
 * retries); late events are hours old, beyond the allowed lateness.
 */
record Dataset(String tag, List<Event> onTime, List<Event> duplicates, List<Event> late,
               Map<String, Long> eventsByTypeAndCountry, double revenue, int distinctUsers) {

    private static final String[] TYPES = {"page_view", "page_view", "click", "transaction", "signup"};
    private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP", "IN"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};

    static Dataset generate(String tag, int events, int users, double duplicateShare, int lateEvents, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<Event> onTime = new ArrayList<>();
        Map<String, Long> truth = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        long revenueCents = 0;
        for (int i = 0; i < events; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            // the same user ids every run: the HLL estimate, and so the test, is deterministic
            String user = "e2e-user-" + random.nextInt(users);
            Instant at = now.minusMillis(random.nextInt((int) Duration.ofMinutes(6).toMillis()));
            Double revenue = null;
            if (type.equals("transaction")) {
                long cents = 100 + random.nextInt(10_000);
                revenueCents += cents;
                revenue = cents / 100.0;
            }
            onTime.add(event(tag + "-" + i, type, user, at, country, DEVICES[random.nextInt(DEVICES.length)], tag,
                    revenue));
            truth.merge(type + "/" + country, 1L, Long::sum);
            distinct.add(user);
        }
        Collections.shuffle(onTime, random);
        List<Event> duplicates = new ArrayList<>();
        for (int i = 0; i < events * duplicateShare; i++) {
            duplicates.add(onTime.get(random.nextInt(onTime.size())));
        }
        List<Event> late = new ArrayList<>();
        for (int i = 0; i < lateEvents; i++) {
            late.add(event(tag + "-late-" + i, "click", "e2e-user-" + random.nextInt(users),
                    now.minus(Duration.ofHours(3)).plusSeconds(i), "DE", "mobile", tag, null));
        }
        return new Dataset(tag, onTime, duplicates, late, Map.copyOf(truth), revenueCents / 100.0, distinct.size());
    }

    private static Event event(String id, String type, String user, Instant at, String country, String device,
                               String platform, Double revenue) {
        return new Event(id, type, user, at, null, Map.of("sku", "SKU-" + (id.hashCode() & 7)),
                new EventContext(country, device, platform), revenue, revenue == null ? null : "EUR");
    }

    long onTimeCount() {
        return onTime.size();
    }

    Instant earliestOnTime() {
        return onTime.stream().map(Event::timestamp).min(Instant::compareTo).orElseThrow();
    }
}
