package dev.pulse.flink.functions;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.HashedIdSet;
import dev.pulse.flink.events.IdBuckets;
import dev.pulse.flink.events.IdBucketsSerializer;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.heap.AbstractHeapState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first event of each {@code event_id} through and drops the copies SDK retries send, for at least
 * {@code ttl} of processing time after the first one (and at most one bucket, {@code ttl / 24}, longer).
 *
 * <p>A day of event ids is many millions, and the heap state backend writes all of its state at every checkpoint,
 * so the state is kept compact: each id is reduced to a 128-bit MurmurHash3; 64 bits of it pick one of
 * {@link #SHARDS} shards (the key), the other 64 are stored in that shard's {@link HashedIdSet} of the current
 * bucket of processing time. Two ids are mistaken for each other only if all 74 bits are equal: with n ids within
 * the ttl, the chance that any event is wrongly dropped is about n&sup2; / 2<sup>75</sup>: 3 &times; 10<sup>-5</sup>
 * for a billion ids within the ttl. A bucket is removed by one timer when its last id has been kept for the ttl, instead of
 * a state entry and a timer per id.
 *
 * <p>Why keyed by shard: keyed state by a coarse key still lives in Flink's key groups, so it is redistributed when
 * the job is rescaled (up to {@code SHARDS} parallel instances), and every copy of an id meets the same shard.
 * Operator state would need the ids re-partitioned by hand on rescale. A shard's buckets are one {@link IdBuckets}
 * value. On the heap backend this is designed for, {@link ValueState#value} hands out the stored object itself (a
 * copy of it first, while a running snapshot still needs the old one), so a change to it is stored as it is made, and
 * only a new shard's value is put with {@link ValueState#update}: a second lookup of the shard per event was 7 % of the
 * dedupe thread (JFR). Any other backend gets {@code update} after each change (a whole-value write on RocksDB/ForSt,
 * which would call for per-id entries there).
 */
public class DedupeByEventId extends KeyedProcessFunction<Integer, CleanEvent, CleanEvent> {

    /** More shards than any sensible parallelism (a shard cannot be split), few enough for small timer counts. */
    public static final int SHARDS = 1024;
    static final int BUCKETS_PER_TTL = 24;

    private final long ttlMillis;
    private final long bucketMillis;
    private transient ValueState<IdBuckets> seen;
    /** whether a change to the object {@code seen.value()} returns is stored without {@code update} (heap state) */
    private transient boolean storedInPlace;
    private transient Counter duplicates;

    public DedupeByEventId(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
        this.bucketMillis = Math.max(1, ttlMillis / BUCKETS_PER_TTL);
    }

    /** The key: the shard of the event's id. */
    public static KeySelector<CleanEvent, Integer> byShard() {
        return event -> shardOf(event.shardHash());
    }

    static int shardOf(long shardHash) {
        return (int) Long.remainderUnsigned(shardHash, SHARDS);
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen-id-buckets",
                IdBucketsSerializer.INSTANCE));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        storedInPlace = seen instanceof AbstractHeapState;
    }

    @Override
    public void processElement(CleanEvent event, Context ctx, Collector<CleanEvent> out) throws Exception {
        long id = event.idHash();
        IdBuckets buckets = seen.value();
        boolean isNew = buckets == null;
        if (isNew) {
            buckets = IdBuckets.empty();
        } else if (buckets.contains(id)) {
            duplicates.inc();
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        long bucketStart = now - Math.floorMod(now, bucketMillis);
        HashedIdSet bucket = buckets.bucket(bucketStart);
        if (bucket == null) {
            bucket = buckets.open(bucketStart);
            // the bucket's newest id is kept for the full ttl
            ctx.timerService().registerProcessingTimeTimer(bucketStart + bucketMillis + ttlMillis);
        }
        bucket.add(id);
        if (isNew || !storedInPlace) {
            seen.update(buckets);
        }
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CleanEvent> out) throws Exception {
        IdBuckets buckets = seen.value();
        if (buckets == null) {
            return;
        }
        buckets.close(timestamp - ttlMillis - bucketMillis);
        if (buckets.isEmpty()) {
            seen.clear();
        } else {
            seen.update(buckets);
        }
    }
}
