package dev.pulse.stack.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in the JVM's notation ({@code 512m}, {@code 1g}), kept as bytes and as the text the JVM takes. */
public record MemorySize(long bytes) {

    private static final Pattern JVM_SIZE = Pattern.compile("(\\d+)([kmg]?)");

    public static MemorySize parse(String text) {
        Matcher m = JVM_SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 512m or 2g");
        }
        long unit = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
        return new MemorySize(Long.parseLong(m.group(1)) * unit);
    }

    public long mebibytes() {
        return bytes >> 20;
    }

    /** The size as {@code -Xmx} and Flink take it, in whole mebibytes. */
    public String jvm() {
        return mebibytes() + "m";
    }

    @Override
    public String toString() {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : mebibytes() + " MiB";
    }
}
