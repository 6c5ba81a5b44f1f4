package dev.pulse.model.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Prints an instant exactly as {@link Instant#toString()} (ISO_INSTANT) does, which is what Jackson's JavaTimeModule
 * wrote for {@link EventJson} before: {@code 2026-11-28T10:15:30.123Z}, seconds always present, the fraction in
 * groups of three digits and omitted when zero. Years 0 to 9999 are printed by hand into a reused buffer (the
 * formatter was a large part of the ingest service's serialisation cost); any other year goes to
 * {@link Instant#toString()}, which stays the definition. Public for the ingest service's direct native path, which
 * writes the canonical event without {@link EventWriter}.
 */
public final class IsoInstant {

    /** The longest hand-printed form: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    public static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_SECOND_OF_YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long FIRST_SECOND_OF_YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    private IsoInstant() {
    }

    /**
     * Prints {@code instant} into {@code buffer} (at least {@link #MAX_LENGTH} long).
     *
     * @return the number of characters printed, or -1 when the year is outside 0..9999 (use {@link Instant#toString()})
     */
    public static int print(Instant instant, char[] buffer) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_SECOND_OF_YEAR_0 || epochSecond >= FIRST_SECOND_OF_YEAR_10000) {
            return -1;
        }
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int at = digits(buffer, 0, date.getYear(), 4);
        buffer[at++] = '-';
        at = digits(buffer, at, date.getMonthValue(), 2);
        buffer[at++] = '-';
        at = digits(buffer, at, date.getDayOfMonth(), 2);
        buffer[at++] = 'T';
        at = digits(buffer, at, secondOfDay / 3600, 2);
        buffer[at++] = ':';
        at = digits(buffer, at, secondOfDay / 60 % 60, 2);
        buffer[at++] = ':';
        at = digits(buffer, at, secondOfDay % 60, 2);
        at = fraction(buffer, at, instant.getNano());
        buffer[at++] = 'Z';
        return at;
    }

    /**
     * Whether ASCII text that reads as an instant is exactly what {@link #print} writes for it, so it can be copied
     * instead of printed: {@code yyyy-MM-ddTHH:mm:ssZ}, with no fraction or with 3, 6 or 9 fraction digits whose last
     * three are not all zero (a zero group is not printed). The text must be a valid instant; this checks its form.
     */
    public static boolean isPrinted(byte[] ascii, int from, int length) {
        boolean printedLength = length == 20 || length == 24 || length == 27 || length == 30;
        if (!printedLength || ascii[from + length - 1] != 'Z') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            byte b = ascii[from + i];
            boolean expected = switch (i) {
                case 4, 7 -> b == '-';
                case 10 -> b == 'T';
                case 13, 16 -> b == ':';
                case 19 -> b == '.';
                default -> b >= '0' && b <= '9';
            };
            if (!expected) {
                return false;
            }
        }
        return length == 20 || ascii[from + length - 2] != '0' || ascii[from + length - 3] != '0'
                || ascii[from + length - 4] != '0';
    }

    /** ISO_INSTANT's fraction: none, or 3, 6 or 9 digits, the fewest that hold the nanos exactly. */
    private static int fraction(char[] buffer, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        buffer[at++] = '.';
        if (nanos % 1_000_000 == 0) {
            return digits(buffer, at, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return digits(buffer, at, nanos / 1_000, 6);
        }
        return digits(buffer, at, nanos, 9);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded. */
    private static int digits(char[] buffer, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
