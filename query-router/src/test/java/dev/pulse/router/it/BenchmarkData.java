package dev.pulse.router.it;

import dev.pulse.model.catalog.Measure;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The benchmark's events, generated five minutes at a time: every event as a CSV line for {@code events_raw}, and
 * per five-minute bucket the rows the rollup job would write for them (count, revenue and an HLL sketch of the
 * users at lgK 12, updated from the user id's chars exactly as {@code DeltaAccumulator} does), as JSON lines.
 */
final class BenchmarkData {

    static final List<String> CSV_COLUMNS =
            List.of("timestamp", "event_type", "user_id", "country", "device", "platform", "revenue");
    static final String DESCRIPTION = "4 event types, 20 countries (skewed), 3 devices, 3 platforms, 200,000 users";

    private static final long BUCKET = Duration.ofMinutes(5).toMillis();
    private static final String[] TYPES = {"page_view", "click", "transaction", "signup"};
    private static final double[] TYPE_WEIGHTS = {0.6, 0.25, 0.05, 0.10};
    private static final String[] COUNTRIES = {"US", "DE", "IN", "BR", "GB", "FR", "JP", "CA", "MX", "ES",
            "IT", "NL", "PL", "SE", "AU", "KR", "TR", "ID", "NG", "ZA"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final String[] PLATFORMS = {"web", "ios", "android"};

    private BenchmarkData() {
    }

    /** A five-minute rollup row under construction. */
    private static final class Row {
        long events;
        double revenue;
        final HllSketch users = new HllSketch(12, TgtHllType.valueOf(Measure.HLL_TYPE));
    }

    /** @return the number of five-minute rollup rows written */
    static long generate(Path csv, Path rollupJson, long count, Instant from, Instant to) throws Exception {
        Random random = new Random(42);
        long buckets = (to.toEpochMilli() - from.toEpochMilli()) / BUCKET;
        long rows = 0;
        try (BufferedWriter events = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter rollups = Files.newBufferedWriter(rollupJson, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(128);
            for (long b = 0; b < buckets; b++) {
                long bucketStart = from.toEpochMilli() + b * BUCKET;
                long inBucket = count / buckets + (b < count % buckets ? 1 : 0);
                Map<String, Row> bucket = new HashMap<>();
                for (long i = 0; i < inBucket; i++) {
                    String type = TYPES[weighted(random, TYPE_WEIGHTS)];
                    String user = "u-" + random.nextInt(200_000);
                    // a skewed country mix, as real traffic has: the first countries carry most events
                    String country = COUNTRIES[(int) (COUNTRIES.length * Math.pow(random.nextDouble(), 2.5))];
                    String device = DEVICES[random.nextInt(10) < 6 ? 0 : random.nextInt(3)];
                    String platform = PLATFORMS[random.nextInt(10) < 6 ? 0 : random.nextInt(3)];
                    double revenue = type.equals("transaction") ? 0.25 * (1 + random.nextInt(400)) : 0.0;
                    line.setLength(0);
                    line.append(bucketStart + (long) (random.nextDouble() * BUCKET)).append(',').append(type)
                            .append(',').append(user).append(',').append(country).append(',').append(device)
                            .append(',').append(platform).append(',').append(revenue).append('\n');
                    events.append(line);
                    Row row = bucket.computeIfAbsent(type + ',' + country + ',' + device + ',' + platform,
                            k -> new Row());
                    row.events++;
                    row.revenue += revenue;
                    row.users.update(user.toCharArray());
                }
                for (Map.Entry<String, Row> entry : bucket.entrySet()) {
                    String[] dims = entry.getKey().split(",");
                    Row row = entry.getValue();
                    rollups.append("{\"ts\":").append(Long.toString(bucketStart))
                            .append(",\"event_type\":\"").append(dims[0]).append("\",\"country\":\"").append(dims[1])
                            .append("\",\"device\":\"").append(dims[2]).append("\",\"platform\":\"").append(dims[3])
                            .append("\",\"events\":").append(Long.toString(row.events))
                            .append(",\"revenue\":").append(Double.toString(row.revenue))
                            .append(",\"users\":\"")
                            .append(Base64.getEncoder().encodeToString(row.users.toCompactByteArray()))
                            .append("\"}\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    private static int weighted(Random random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
