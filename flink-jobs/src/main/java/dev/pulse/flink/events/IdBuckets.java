package dev.pulse.flink.events;

import java.util.Arrays;

/**
 * The dedupe state of one shard: a {@link HashedIdSet} per bucket of processing time, in two parallel arrays.
 * Every event looks into every bucket, so they sit in an array rather than behind map state, whose iterator
 * was an eighth of the dedupe thread's time. A Flink POJO (public fields), like {@link HashedIdSet}.
 */
public class IdBuckets {

    /** the start of each bucket, in the order they were opened */
    public long[] starts;
    public HashedIdSet[] sets;

    public IdBuckets() {
    }

    public static IdBuckets empty() {
        IdBuckets buckets = new IdBuckets();
        buckets.starts = new long[0];
        buckets.sets = new HashedIdSet[0];
        return buckets;
    }

    public boolean contains(long hash) {
        for (HashedIdSet set : sets) {
            if (set.contains(hash)) {
                return true;
            }
        }
        return false;
    }

    /** The set of the bucket starting at {@code start}, or null when it is not open. */
    public HashedIdSet bucket(long start) {
        for (int i = starts.length - 1; i >= 0; i--) { // the newest bucket is the one events go to
            if (starts[i] == start) {
                return sets[i];
            }
        }
        return null;
    }

    public HashedIdSet open(long start) {
        HashedIdSet set = HashedIdSet.empty();
        starts = Arrays.copyOf(starts, starts.length + 1);
        sets = Arrays.copyOf(sets, sets.length + 1);
        starts[starts.length - 1] = start;
        sets[sets.length - 1] = set;
        return set;
    }

    /** Drops the bucket starting at {@code start}, if open. */
    public void close(long start) {
        int kept = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] != start) {
                starts[kept] = starts[i];
                sets[kept] = sets[i];
                kept++;
            }
        }
        starts = Arrays.copyOf(starts, kept);
        sets = Arrays.copyOf(sets, kept);
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }
}
