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
