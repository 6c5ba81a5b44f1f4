package dev.pulse.flink.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class IdBucketsSerializerTest {

    private final IdBucketsSerializer serializer = IdBucketsSerializer.INSTANCE;

    @Test
    void readsBackEveryIdOfEveryBucketAndNoOther() throws Exception {
        Random random = new Random(11);
        IdBuckets buckets = IdBuckets.empty();
        List<Set<Long>> truth = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        // more ids than one written block (8,192) in one bucket, a few in another, none in the third; the hash 0 too
        int[] counts = {20_000, 7, 0};
        for (int b = 0; b < counts.length; b++) {
            HashedIdSet set = buckets.open(1_000L * b);
            for (int i = 0; i < counts[b]; i++) {
                long id = random.nextLong();
                set.add(id);
                truth.get(b).add(id);
            }
        }
        buckets.sets[1].add(0L);
        truth.get(1).add(0L);

        IdBuckets read = roundTrip(buckets);

        assertThat(read.starts).containsExactly(0L, 1_000L, 2_000L);
        for (int b = 0; b < counts.length; b++) {
            HashedIdSet set = read.sets[b];
            assertThat(set.size + (set.containsZero ? 1 : 0)).isEqualTo(truth.get(b).size());
            for (long id : truth.get(b)) {
                assertThat(set.contains(id)).isTrue();
            }
            assertThat(set.contains(random.nextLong())).isFalse();
            assertThat(3L * set.size).as("the table leaves room as add keeps it").isLessThanOrEqualTo(2L * set.slots.length);
        }
        assertThat(read.sets[0].contains(0L)).isFalse();
        assertThat(read.sets[1].contains(0L)).isTrue();
    }

    @Test
    void writesIdsWithoutTheEmptySlots() throws Exception {
        IdBuckets buckets = IdBuckets.empty();
        HashedIdSet set = buckets.open(0L);
        for (long id = 1; id <= 1_000; id++) {
            set.add(id * 7919);
        }
        DataOutputSerializer out = new DataOutputSerializer(64);

        serializer.serialize(buckets, out);

        // count, then per bucket: start, the zero flag, the id count and the ids
        assertThat(out.length()).isEqualTo(4 + 8 + 1 + 4 + 1_000 * 8);
        assertThat(set.slots.length * 8).isGreaterThan(out.length());
    }

    @Test
    void copiesAreIndependentOfTheOriginal() {
        IdBuckets buckets = IdBuckets.empty();
        buckets.open(5L).add(42L);

        IdBuckets copy = serializer.copy(buckets);
        buckets.sets[0].add(43L);
        buckets.open(6L);

        assertThat(copy.starts).containsExactly(5L);
        assertThat(copy.sets[0].contains(42L)).isTrue();
        assertThat(copy.sets[0].contains(43L)).isFalse();
    }

    @Test
    void aCheckpointWrittenByItIsReadByIt() throws Exception {
        TypeSerializerSnapshot<IdBuckets> written = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        written.writeSnapshot(out);
        TypeSerializerSnapshot<IdBuckets> restored = new IdBucketsSerializer.Snapshot();
        restored.readSnapshot(written.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isSameAs(serializer);
        TypeSerializerSchemaCompatibility<IdBuckets> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    private IdBuckets roundTrip(IdBuckets buckets) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(buckets, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
