package dev.pulse.router.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used cached answers in this instance's memory, in front of Redis. A dashboard's viewers ask the
 * same few queries hundreds of times a second; from here a hit costs no Redis round trip (a command written by the
 * request thread, sent and read on Lettuce's event loop, then handed back: two thread wake-ups that wait for a core on
 * a busy machine). An entry never outlives the Redis entry it copies ({@link #put}), and a key already names the data
 * version, so this tier serves nothing Redis would not.
 *
 * <p>Bounded by the bytes of the values it holds, least recently used first out. Thread-safe; one lock, held for a
 * map operation only.
 */
public final class LocalAnswers {

    private record Entry(byte[] value, long expiresAtMillis) {
    }

    private final long maxBytes;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** @param maxBytes what the values may take in all; 0 turns this tier off */
    public LocalAnswers(long maxBytes, Clock clock) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The value stored under the key, or null when there is none or it expired. */
    public synchronized byte[] get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            remove(key);
            return null;
        }
        return entry.value();
    }

    /**
     * Keeps a value until {@code expiresAt}, the expiry of its Redis entry. A value larger than a quarter of the
     * budget is not kept: it would push out many small answers for one.
     */
    public synchronized void put(String key, byte[] value, Instant expiresAt) {
        long expiresAtMillis = expiresAt.toEpochMilli();
        if (value.length > maxBytes / 4 || expiresAtMillis <= clock.millis()) {
            return;
        }
        remove(key);
        entries.put(key, new Entry(value, expiresAtMillis));
        bytes += value.length;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().value().length;
            eldest.remove();
        }
    }

    /** The bytes the values take now. */
    public synchronized long bytes() {
        return bytes;
    }

    /** How many answers are held now. */
    public synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.value().length;
        }
    }
}
