package dev.pulse.flink.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The dedupe state's serializer: each bucket's ids written as one block of bytes, without the table's empty slots.
 *
 * <p>Why: the heap backend writes the whole dedupe state at every checkpoint. Flink's POJO serializer wrote every
 * slot of every table (a third of them empty) with one {@code writeLong} each, and each of those was a call into the
 * checkpoint stream: 8 % of a replay's CPU in the snapshot thread (JFR, 5 million events). Written here: per bucket
 * its start, whether it holds the hash 0, the number of ids and the ids, 8 bytes each, in 64 KB blocks. Reading puts
 * them into a table sized as {@link HashedIdSet#add} would have grown it.
 */
public final class IdBucketsSerializer extends StatelessSerializer<IdBuckets> {

    public static final IdBucketsSerializer INSTANCE = new IdBucketsSerializer();

    private static final int BLOCK_IDS = 8 * 1024;
    /**
     * One block per thread: a checkpoint writes every shard's state (1,024 calls), and a block allocated per call
     * would be 64 MB of garbage per checkpoint. The serializer itself is shared (stateless) across threads.
     */
    private static final ThreadLocal<ByteBuffer> BLOCKS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(BLOCK_IDS * Long.BYTES));
    private static final long serialVersionUID = 1L;

    private IdBucketsSerializer() {
    }

    @Override
    public void serialize(IdBuckets buckets, DataOutputView target) throws IOException {
        target.writeInt(buckets.starts.length);
        ByteBuffer block = BLOCKS.get();
        block.clear();
        for (int b = 0; b < buckets.starts.length; b++) {
            HashedIdSet set = buckets.sets[b];
            target.writeLong(buckets.starts[b]);
            target.writeBoolean(set.containsZero);
            target.writeInt(set.size);
            int written = 0;
            for (long slot : set.slots) {
                if (slot == 0) {
                    continue;
                }
                block.putLong(slot);
                written++;
                if (!block.hasRemaining()) {
                    target.write(block.array(), 0, block.position());
                    block.clear();
                }
            }
            target.write(block.array(), 0, block.position());
            block.clear();
            if (written != set.size) {
                throw new IllegalStateException("an id set holds " + written + " ids but counts " + set.size);
            }
        }
    }

    @Override
    public IdBuckets deserialize(DataInputView source) throws IOException {
        int count = source.readInt();
        IdBuckets buckets = new IdBuckets();
        buckets.starts = new long[count];
        buckets.sets = new HashedIdSet[count];
        ByteBuffer ids = BLOCKS.get();
        byte[] block = ids.array();
        for (int b = 0; b < count; b++) {
            buckets.starts[b] = source.readLong();
            boolean containsZero = source.readBoolean();
            int size = source.readInt();
            HashedIdSet set = HashedIdSet.withCapacityFor(size);
            set.containsZero = containsZero;
            for (int left = size; left > 0; ) {
                int n = Math.min(left, BLOCK_IDS);
                source.readFully(block, 0, n * Long.BYTES);
                ids.clear();
                for (int i = 0; i < n; i++) {
                    set.add(ids.getLong());
                }
                left -= n;
            }
            buckets.sets[b] = set;
        }
        return buckets;
    }

    @Override
    public IdBuckets copy(IdBuckets from) {
        IdBuckets copy = new IdBuckets();
        copy.starts = from.starts.clone();
        copy.sets = new HashedIdSet[from.sets.length];
        for (int b = 0; b < from.sets.length; b++) {
            copy.sets[b] = from.sets[b].copy();
        }
        return copy;
    }

    @Override
    public IdBuckets copy(IdBuckets from, IdBuckets reuse) {
        return copy(from);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public IdBuckets createInstance() {
        return IdBuckets.empty();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializerSnapshot<IdBuckets> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer by class: it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<IdBuckets> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
