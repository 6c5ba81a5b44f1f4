package dev.pulse.router.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;

/**
 * Deterministic events for integration tests and the benchmark, as Druid batch input (one JSON object per line,
 * the flattened columns of events_raw). Revenue is a multiple of 0.25, exact in binary, so sums agree to the
 * last bit whatever order Druid adds them in.
 */
public final class TestEvents {

    static final String[] TYPES = {"page_view", "page_view", "page_view", "click", "click", "transaction", "signup"};
    static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP", "IN", "GB", "ES"};
    static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    static final String[] PLATFORMS = {"web", "ios", "android"};

    private TestEvents() {
    }

    /** Appends {@code count} events spread over [from, from + spanMillis) to {@code out}. */
    public static void write(Appendable out, long seed, int count, Instant from, long spanMillis, int users,
                             int countries) throws java.io.IOException {
        Random random = new Random(seed);
        ObjectNode node = DruidBatch.JSON.createObjectNode();
        for (int i = 0; i < count; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            node.removeAll();
            node.put("timestamp", from.toEpochMilli() + (long) (random.nextDouble() * spanMillis));
            node.put("event_id", seed + "-" + i);
            node.put("event_type", type);
            node.put("user_id", "u-" + random.nextInt(users));
            node.put("country", COUNTRIES[random.nextInt(countries)]);
            node.put("device", DEVICES[random.nextInt(DEVICES.length)]);
            node.put("platform", PLATFORMS[random.nextInt(PLATFORMS.length)]);
            node.put("prop_sku", "sku-" + random.nextInt(50));
            if (type.equals("transaction")) {
                node.put("revenue", 0.25 * (1 + random.nextInt(400)));
                node.put("currency", "EUR");
            } else {
                node.put("revenue", 0.0);
            }
            out.append(node.toString()).append('\n');
        }
    }
}
