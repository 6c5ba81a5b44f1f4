package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming writer must print exactly what databind printed, since consumers and stored topics hold those bytes. */
class EventWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final EventContext DE_MOBILE_WEB = new EventContext("DE", "mobile", "web");

    static Stream<Arguments> events() {
        return Stream.of(
                named("the design example", event(T0, T0.plusMillis(250), Map.of("sku", "A1"), DE_MOBILE_WEB, 19.99, "EUR")),
                named("not yet received, no money", event(T0, null, Map.of("path", "/home"), DE_MOBILE_WEB, null, null)),
                named("empty properties and context", event(T0, null, Map.of(), EventContext.EMPTY, null, null)),
                named("partial context", event(T0, null, Map.of(), new EventContext(null, "tablet", null), null, null)),
                named("revenue zero", event(T0, T0, Map.of(), null, 0.0, "EUR")),
                named("revenue minus zero", event(T0, T0, Map.of(), null, -0.0, "EUR")),
                named("integral revenue", event(T0, T0, Map.of(), null, 20.0, "USD")),
                named("huge and tiny revenue", event(T0, T0, Map.of("tiny", 1.0E-7), null, 1.0E21, "JPY")),
                named("nested maps and lists", event(T0, T0, nested(), DE_MOBILE_WEB, 5.5, "EUR")),
                named("numbers of every parsed kind", event(T0, T0, numbers(), null, null, null)),
                named("text needing escapes", event(T0, T0, Map.of("text", escapes()), new EventContext(escapes(), "\u00e9", null), null, null)),
                named("unicode ids", event("\u65e5\u672c-\ud83d\ude00", "caf\u00e9 \"view\"", "u\\1\n", T0, T0, Map.of(), null, null, null)),
                named("instant with no fraction", event(Instant.parse("2026-11-28T10:15:30Z"), Instant.parse("2026-11-28T10:15:00Z"), Map.of(), null, null, null)),
                named("instant with micros", event(Instant.parse("2026-11-28T10:15:30.123456Z"), Instant.parse("2026-11-28T10:15:30.000001Z"), Map.of(), null, null, null)),
                named("instant with nanos", event(Instant.parse("2026-11-28T10:15:30.123456789Z"), Instant.parse("2026-11-28T23:59:59.999999999Z"), Map.of(), null, null, null)),
                named("instant at midnight and leap day", event(Instant.parse("2024-02-29T00:00:00Z"), Instant.EPOCH, Map.of(), null, null, null)),
                named("years below 1000", event(Instant.parse("0999-12-31T23:59:59.100Z"), Instant.parse("0000-01-01T00:00:00Z"), Map.of(), null, null, null)),
                named("year before 0", event(Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Map.of(), null, null, null)),
                named("years after 9999", event(Instant.parse("+10000-01-01T00:00:00Z"), Instant.MAX, Map.of(), null, null, null)),
                named("last instant of 9999", event(Instant.parse("9999-12-31T23:59:59.999999999Z"), T0, Map.of(), null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesTheBytesDatabindWrote(String caseName, Event event) {
        assertSameAsDatabind(event);
    }

    @Test
    void writesTheBytesDatabindWroteForManyRandomEvents() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            assertSameAsDatabind(randomEvent(random));
        }
    }

    @Test
    void writesPropertyValuesJsonNeverProducesAsDatabindDid() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("kept", 1);
        withNull.put("dropped", null);
        Map<String, Object> unusual = Map.of("short", (short) 3, "float", 1.5f, "set", Set.of(withNull),
                "uuid", UUID.fromString("7f1c9a2e-0000-4e1b-9c3d-000000000001"), "when", T0,
                "nested", List.of(Map.of("bytes", new byte[] {1, 2}, "chars", new StringBuilder("sb"))));

        assertSameAsDatabind(event(T0, null, unusual, null, null, null));
    }

    @Test
    void readsBackWhatItWrites() {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>(events().map(arguments -> (Event) arguments.get()[1]).toList());
        for (int i = 0; i < 1_000; i++) {
            events.add(randomEvent(random));
        }
        for (Event event : events) {
            if (survivesJson(event.properties())) {
                assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
            }
        }
    }

    private static void assertSameAsDatabind(Event event) {
        byte[] streamed = EventJson.write(event);
        byte[] databind = EventJson.writeWithDatabind(event);
        assertThat(new String(streamed, StandardCharsets.UTF_8)).isEqualTo(new String(databind, StandardCharsets.UTF_8));
        assertThat(streamed).isEqualTo(databind);
    }

    /** Nulls inside maps are not written, and BigDecimals come back as doubles: such events do not round-trip. */
    private static boolean survivesJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(v -> v != null && survivesJson(v));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(v -> v == null || survivesJson(v));
        }
        return !(value instanceof BigDecimal);
    }

    private static Map<String, Object> nested() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 1);
        inner.put("a", null);
        inner.put("list", Arrays.asList("x", null, 2.5, List.of(), Map.of()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cart", inner);
        properties.put("items", List.of(Map.of("sku", "A1", "qty", 2), Map.of("sku", "B2", "qty", 1)));
        properties.put("empty", new LinkedHashMap<>());
        properties.put("flag", true);
        return properties;
    }

    private static Map<String, Object> numbers() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("int", Integer.MIN_VALUE);
        properties.put("long", Long.MAX_VALUE);
        properties.put("big", new BigInteger("123456789012345678901234567890"));
        properties.put("decimal", new BigDecimal("1.50"));
        properties.put("integral double", 3.0);
        properties.put("fraction", 0.1);
        properties.put("exponent", 6.02E23);
        properties.put("false", false);
        return properties;
    }

    private static String escapes() {
        return "quote \" backslash \\ slash / newline \n tab \t cr \r bs \b ff \f nul \u0000 unit \u001f del \u007f"
                + " ls \u2028 nbsp \u00a0 bmp \uffff emoji \ud83d\ude00";
    }

    static Event randomEvent(Random random) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            Object value = randomValue(random, 2);
            if (value != null) { // an Event's own properties hold no nulls (Map.copyOf); nested maps may
                properties.put(randomText(random), value);
            }
        }
        Instant timestamp = randomInstant(random);
        Instant received = random.nextBoolean() ? null : randomInstant(random);
        Double revenue = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> random.nextInt(100_000) / 100.0;
            case 2 -> (double) random.nextInt(1000);
            default -> randomDouble(random);
        };
        EventContext context = random.nextBoolean() ? null
                : new EventContext(randomTextOrNull(random), randomTextOrNull(random), randomTextOrNull(random));
        return event("e-" + randomText(random), "t" + randomText(random), "u" + randomText(random), timestamp, received,
                properties, context, revenue, random.nextBoolean() ? null : "EUR");
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomText(random);
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> randomDouble(random);
            case 6 -> new BigInteger(80, random);
            case 7 -> random.nextInt(1000) / 10.0;
            case 8 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    map.put(randomText(random), randomValue(random, depth - 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static double randomDouble(Random random) {
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** Seconds from year 0 to 12000 (hand-printed and fallback years), fractions of 0, 3, 6 or 9 digits. */
    private static Instant randomInstant(Random random) {
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        long second = random.nextInt(3) == 0 ? from + (long) (random.nextDouble() * (to - from))
                : T0.getEpochSecond() + random.nextInt(1_000_000) - 500_000;
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nanos);
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019 _-/\"\\\n\t\u0001\u001f\u007f\u00e9\u65e5\u2028";
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            if (random.nextInt(20) == 0) {
                text.append("\ud83d\ude00");
            } else {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }

    private static String randomTextOrNull(Random random) {
        return random.nextBoolean() ? null : randomText(random);
    }

    private static Event event(Instant timestamp, Instant receivedAt, Map<String, Object> properties,
                               EventContext context, Double revenue, String currency) {
        return event("7f1c", "transaction", "u-42", timestamp, receivedAt, properties, context, revenue, currency);
    }

    private static Event event(String eventId, String eventType, String userId, Instant timestamp, Instant receivedAt,
                               Map<String, Object> properties, EventContext context, Double revenue, String currency) {
        return new Event(eventId, eventType, userId, timestamp, receivedAt, properties, context, revenue, currency);
    }

    private static Arguments named(String name, Event event) {
        return Arguments.of(name, event);
    }
}
