package dev.pulse.flink.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.datasketches.hll.HllSketch;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The accumulator keeps its sketch between updates; the state backend's copies must not share it. */
class DeltaAccumulatorTest {

    private final TypeSerializer<DeltaAccumulator> serializer =
            TypeInformation.of(DeltaAccumulator.class).createSerializer(new SerializerConfigImpl());

    @Test
    void aCopyCountsOnlyWhatWasAddedBeforeItAndGrowsOnItsOwn() {
        DeltaAccumulator original = DeltaAccumulator.empty(12, 0, new String[]{"DE"});
        addUsers(original, 0, 1_000);

        DeltaAccumulator copy = serializer.copy(original);
        addUsers(original, 1_000, 2_000);
        addUsers(copy, 5_000, 5_500);

        assertThat(distinct(original)).isBetween(1_960L, 2_040L);
        assertThat(distinct(copy)).isBetween(1_470L, 1_530L);
        assertThat(original.events).isEqualTo(2_000);
        assertThat(copy.events).isEqualTo(1_500);
    }

    @Test
    void aPartialHashesItsUsersExactlyAsTheEventsWould() {
        String[] users = {"user-1", "u\u00e9", "\u65e5\u672c", "\ud83d\ude00", "", "user-1"};
        DeltaAccumulator oneByOne = DeltaAccumulator.empty(12, 0, null);
        for (String user : users) {
            oneByOne.add(2.5, user);
        }
        DeltaAccumulator fromPartial = DeltaAccumulator.empty(12, 0, null);
        fromPartial.add(PanePartial.of("k", 0, null, 0, 15.0, users));

        assertThat(fromPartial.compactUsers()).as("the same sketch, byte for byte").isEqualTo(oneByOne.compactUsers());
        assertThat(fromPartial.events).isEqualTo(oneByOne.events).isEqualTo(6);
        assertThat(fromPartial.revenue).isEqualTo(oneByOne.revenue);
    }

    @Test
    void anAccumulatorReadBackFromACheckpointKeepsCounting() throws Exception {
        DeltaAccumulator original = DeltaAccumulator.empty(12, 0, new String[]{"DE"});
        addUsers(original, 0, 700);
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(original, out);

        DeltaAccumulator read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        addUsers(read, 700, 1_400);

        assertThat(distinct(read)).isBetween(1_372L, 1_428L);
        assertThat(distinct(original)).isBetween(686L, 714L);
    }

    private static void addUsers(DeltaAccumulator acc, int from, int to) {
        for (int i = from; i < to; i++) {
            acc.add(1.0, "user-" + i);
        }
    }

    private static long distinct(DeltaAccumulator acc) {
        return Math.round(HllSketch.heapify(acc.compactUsers()).getEstimate());
    }
}
