package dev.pulse.ingest.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Native request bodies of the shapes clients send, at random: mostly plain events, with now and then what the
 * direct path leaves to the full path (escapes, non-ASCII text, numbers as ids, missing or blank fields, times in the
 * future, keys given twice), random whitespace between tokens, fields in any order, unknown fields.
 */
final class RandomBodies {

    private static final String[] TYPES = {"page_view", "click", "transaction", "signup", "Order Completed"};
    /** The last is in the future (the tests receive at 10:15:31Z) and is rejected. */
    private static final String[] TIMES = {"2026-11-28T10:15:30.123Z", "2026-11-28T10:15:30Z",
            "2026-11-28T11:15:30.123456+01:00", "2026-11-28T10:15:30.000000001Z", "2026-11-28T09:15:30-01:00",
            "2026-11-28T10:15:30.1Z", "2026-11-28T10:15:30.120000Z", "2026-11-28T10:15:30.000Z",
            "2026-11-28T10:15:30.123000000Z", "2026-11-28T10:15:30.123456789Z", "2026-11-28T12:00:00Z"};

    private final Random random;
    /** Whether the body may hold what the direct path leaves to the full path; without, nearly all of it is plain. */
    private final boolean odd;
    /** Events as SDKs serialise them: no whitespace, fields in the documented order (the values still at random). */
    private final boolean compact;

    private RandomBodies(Random random, boolean odd, boolean compact) {
        this.random = random;
        this.odd = odd;
        this.compact = compact;
    }

    /** Half of the bodies are plain throughout, half have something odd now and then. */
    static String batch(Random random) {
        return new RandomBodies(random, random.nextBoolean(), false).batch();
    }

    /** As {@link #batch}, but compact and in the documented order: most events' tails are kept as sent. */
    static String compactBatch(Random random) {
        return new RandomBodies(random, random.nextBoolean(), true).batch();
    }

    private String batch() {
        List<String> events = new ArrayList<>();
        for (int i = random.nextInt(12); i >= 0; i--) {
            events.add(event());
        }
        String array = ws() + "[" + ws() + String.join(ws() + "," + ws(), events) + ws() + "]";
        if (random.nextInt(10) < 7) {
            return array + ws();
        }
        List<String> fields = new ArrayList<>();
        fields.add("\"batch\":" + array);
        if (random.nextBoolean()) {
            fields.add("\"sent_at\":" + (random.nextInt(5) == 0 ? "null" : "\"" + pick(TIMES, 1) + "\""));
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"context\":" + value(2));
        }
        Collections.shuffle(fields, random);
        return "{" + String.join("," + ws(), fields) + "}";
    }

    private String event() {
        List<String> fields = new ArrayList<>();
        maybe(odd ? 97 : 100, fields, "event_id", () -> id());
        maybe(odd ? 97 : 100, fields, "event_type", () -> quoted(pick(TYPES)));
        maybe(odd ? 97 : 100, fields, "user_id", () -> id());
        maybe(70, fields, "timestamp", () -> random.nextInt(10) == 0 ? "null" : "\"" + pick(TIMES, 1) + "\"");
        maybe(80, fields, "properties", () -> random.nextInt(20) == 0 ? "null" : object(3));
        maybe(60, fields, "context", () -> context());
        maybe(30, fields, "revenue", () -> switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> odd ? "\"19.99\"" : "19.99";
            case 2 -> Integer.toString(random.nextInt(1000));
            default -> number();
        });
        maybe(30, fields, "currency", () -> pick(new String[] {"\"EUR\"", "\"usd\"", "null", "\"\"", "\"E1R\""}, 1));
        maybe(20, fields, "extra_" + random.nextInt(3), () -> value(2));
        if (odd && random.nextInt(50) == 0 && !fields.isEmpty()) {
            fields.add(fields.get(0)); // a field given twice
        }
        if (!compact) {
            Collections.shuffle(fields, random);
        }
        return "{" + ws() + String.join(ws() + "," + ws(), fields) + ws() + "}";
    }

    private String context() {
        if (random.nextInt(10) == 0) {
            return "null";
        }
        List<String> fields = new ArrayList<>();
        maybe(60, fields, "country", () -> pick(new String[] {"\"DE\"", "\"US\"", "null", "\" \"", "7"}, 1));
        maybe(60, fields, "device", () -> quoted(pick(new String[] {"mobile", "desktop", ""})));
        maybe(60, fields, "platform", () -> quoted(pick(new String[] {"web", "ios"})));
        maybe(20, fields, "locale", () -> value(1));
        if (!compact) {
            Collections.shuffle(fields, random);
        }
        return "{" + String.join("," + ws(), fields) + "}";
    }

    private String id() {
        return switch (odd ? random.nextInt(40) : 3) {
            case 0 -> Integer.toString(random.nextInt(100)); // a number as an id
            case 1 -> "\"  \"";
            case 2 -> "null";
            default -> quoted("id-" + random.nextInt(1_000_000));
        };
    }

    private String object(int depth) {
        List<String> members = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String key = odd && random.nextInt(30) == 0 ? "k" : "k" + random.nextInt(1000); // sometimes given twice
            members.add(quoted(key) + ws() + ":" + ws() + value(depth - 1));
        }
        return "{" + ws() + String.join(ws() + "," + ws(), members) + ws() + "}";
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0, 1 -> quoted("v" + random.nextInt(100));
            case 2 -> Integer.toString(random.nextInt(2_000_001) - 1_000_000);
            case 3 -> number();
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "null";
            case 6 -> random.nextBoolean() ? "12345678901234567890123" : "-9223372036854775808";
            case 7 -> object(depth);
            default -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(value(depth - 1));
                }
                yield "[" + String.join("," + ws(), elements) + "]";
            }
        };
    }

    private String number() {
        return pick(new String[] {"19.99", "0.10", "1e3", "-2.5E-3", "1E+2", "100.0", "-0.0", "3.141592653589793238",
                "0", Double.toString(random.nextDouble() * 1000), "-0", "1.0e400"}, 2);
    }

    /** A string, now and then with an escape or a character outside ASCII. */
    private String quoted(String text) {
        return switch (odd ? random.nextInt(60) : 3) {
            case 0 -> "\"" + text + "\\u0041\"";
            case 1 -> "\"" + text + "\\\"q\"";
            case 2 -> "\"" + text + "\u00e9\"";
            default -> "\"" + text + "\"";
        };
    }

    private String ws() {
        if (compact) {
            return "";
        }
        return switch (random.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "\t";
            default -> "";
        };
    }

    private void maybe(int percent, List<String> fields, String name,
                              java.util.function.Supplier<String> value) {
        if (random.nextInt(100) < percent) {
            fields.add("\"" + name + "\":" + ws() + value.get());
        }
    }

    private String pick(String[] choices) {
        return pick(choices, 0);
    }

    /** One of the choices, of which the last {@code oddOnes} only for an odd body. */
    private String pick(String[] choices, int oddOnes) {
        return choices[random.nextInt(odd ? choices.length : choices.length - oddOnes)];
    }
}
