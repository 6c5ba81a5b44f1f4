package dev.pulse.flink.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} program arguments, read once into a job's typed config. Every problem (unknown option,
 * missing value, bad duration) is reported together.
 */
public final class JobArgs {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    public JobArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                problems.add("unexpected argument '" + args[i] + "' (options are --name value)");
            } else if (i + 1 >= args.length) {
                problems.add(args[i] + ": needs a value");
            } else {
                values.put(args[i].substring(2), args[++i]);
            }
        }
    }

    public String text(String name, String defaultValue) {
        read.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    public Duration duration(String name, Duration defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration d = value.toLowerCase().endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()))
                    : Duration.parse(value.toUpperCase().startsWith("P") ? value : "PT" + value);
            if (d.isNegative() || d.isZero()) {
                problems.add("--" + name + ": must be positive, was " + value);
            }
            return d;
        } catch (RuntimeException e) {
            problems.add("--" + name + ": '" + value + "' is not a duration (100ms, 30s, 5m, 24h or PT24H)");
            return defaultValue;
        }
    }

    public int integer(String name, int defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add("--" + name + ": '" + value + "' is not a number");
            return defaultValue;
        }
    }

    /** Call after reading every option: fails with all problems, including options nobody read. */
    public void validate(String job) {
        values.keySet().stream().filter(k -> !read.contains(k)).sorted()
                .forEach(k -> problems.add("--" + k + ": unknown option"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid arguments for " + job + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
