package dev.pulse.flink.events;

/**
 * A set of 64-bit event id hashes in one {@code long[]} (open addressing, linear probing): the dedupe state of one
 * shard for one bucket of processing time. About 12 to 24 bytes per id, against an object graph of about 100 bytes
 * plus a timer per id for keyed state per event id. A Flink POJO (public fields), so its state serializer writes
 * the array as primitives and never goes through Kryo.
 *
 * <p>Hashes come from a strong 128-bit hash, so their low bits index the table directly. An empty slot holds 0;
 * the hash 0 itself is remembered by {@link #containsZero}.
 */
public class HashedIdSet {

    private static final int INITIAL_CAPACITY = 16;

    /** power-of-two table; 0 marks an empty slot */
    public long[] slots;
    /** number of non-zero hashes in {@link #slots} */
    public int size;
    public boolean containsZero;

    public HashedIdSet() {
    }

    public static HashedIdSet empty() {
        HashedIdSet set = new HashedIdSet();
        set.slots = new long[INITIAL_CAPACITY];
        return set;
    }

    /** An empty set whose table takes {@code ids} ids without growing (to read a set back from a checkpoint). */
    public static HashedIdSet withCapacityFor(int ids) {
        int capacity = INITIAL_CAPACITY;
        while (3L * ids > 2L * capacity) {
            capacity *= 2;
        }
        HashedIdSet set = new HashedIdSet();
        set.slots = new long[capacity];
        return set;
    }

    /** A set of the same ids with its own table. */
    public HashedIdSet copy() {
        HashedIdSet copy = new HashedIdSet();
        copy.slots = slots.clone();
        copy.size = size;
        copy.containsZero = containsZero;
        return copy;
    }

    public boolean contains(long hash) {
        if (hash == 0) {
            return containsZero;
        }
        int mask = slots.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == hash) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    /** Adds the hash; returns false when it was already there. */
    public boolean add(long hash) {
        if (hash == 0) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        // at most 2/3 full: short probe sequences, and still about 16 bytes per id on average
        if (3 * (size + 1) > 2 * slots.length) {
            grow();
        }
        if (!insert(slots, hash)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (table[i] == hash) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = hash;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long slot : slots) {
            if (slot != 0) {
                insert(bigger, slot);
            }
        }
        slots = bigger;
    }
}
