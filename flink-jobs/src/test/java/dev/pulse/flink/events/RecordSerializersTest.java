package dev.pulse.flink.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializersTest {

    private static final List<RollupInput> INPUTS = List.of(
            new RollupInput("page_view\u001fDE\u001fmobile", 0, new String[]{"DE", "mobile", null}, 1_764_000_000_000L,
                    0.0, "user-1", null),
            // text beyond Latin-1 goes as UTF-8; an empty string is not null
            new RollupInput("t\u001f\u65e5\u672c", 2, new String[]{"\u65e5\u672c", "", "caf\u00e9"}, -1L, 19.99,
                    "\ud83d\ude00 u", "{\"event_id\":\"e\"}".getBytes(UTF_8)),
            new RollupInput(null, 1, null, 0L, 1e300, null, new byte[0]));

    private static final List<PanePartial> PARTIALS = List.of(
            PanePartial.of("page_view\u001fDE\u001fmobile", 0, new String[]{"DE", "mobile", null}, 1_764_000_000_000L,
                    0.0, "user-1", "user-2", "user-1"),
            // user ids beyond ASCII and an empty one
            PanePartial.of("t\u001f\u65e5\u672c", 2, new String[]{"\u65e5\u672c", "", "caf\u00e9"}, -60_000L, 19.99,
                    "\ud83d\ude00 u", "", "caf\u00e9"),
            new PanePartial(null, 1, null, 0L, 0, 1e300, null, null));

    private static final List<CleanEvent> EVENTS = List.of(
            new CleanEvent("e-1", "u-1", 1_764_000_000_000L, "{\"event_id\":\"e-1\"}".getBytes(UTF_8)),
            new CleanEvent("\u00e9\u65e5", null, -5L, null));

    /** {@code RollupInput} has none of its own (it never leaves its chain): Flink's POJO serializer, checked here too. */
    private static final TypeSerializer<RollupInput> ROLLUP_INPUT =
            TypeInformation.of(RollupInput.class).createSerializer(new SerializerConfigImpl());

    @Test
    void flinkUsesTheJobsSerializersForTheirRecords() {
        assertThat(TypeInformation.of(PanePartial.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(PanePartialSerializer.INSTANCE);
        assertThat(TypeInformation.of(CleanEvent.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(CleanEventSerializer.INSTANCE);
    }

    @Test
    void rollupInputsComeBackEqualFieldForField() throws Exception {
        for (RollupInput input : INPUTS) {
            RollupInput read = roundTrip(ROLLUP_INPUT, input);

            assertThat(read).usingRecursiveComparison().isEqualTo(input);
        }
    }

    @Test
    void panePartialsComeBackEqualFieldForField() throws Exception {
        for (PanePartial partial : PARTIALS) {
            assertThat(roundTrip(PanePartialSerializer.INSTANCE, partial)).usingRecursiveComparison().isEqualTo(partial);
        }
    }

    @Test
    void cleanEventsComeBackEqualFieldForField() throws Exception {
        for (CleanEvent event : EVENTS) {
            assertThat(roundTrip(CleanEventSerializer.INSTANCE, event)).usingRecursiveComparison().isEqualTo(event);
        }
    }

    @Test
    void copyingSerializedRecordsCopiesExactlyOneRecordEach() throws Exception {
        assertCopiesOneByOne(ROLLUP_INPUT, INPUTS);
        assertCopiesOneByOne(PanePartialSerializer.INSTANCE, PARTIALS);
        assertCopiesOneByOne(CleanEventSerializer.INSTANCE, EVENTS);
    }

    @Test
    void theirSnapshotsRestoreThem() throws Exception {
        TypeSerializerSnapshot<RollupInput> rollupInput = ROLLUP_INPUT.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, rollupInput);
        TypeSerializerSnapshot<RollupInput> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), RecordSerializersTest.class.getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(ROLLUP_INPUT);
        assertRestores(PanePartialSerializer.INSTANCE, new PanePartialSerializer.Snapshot());
        assertRestores(CleanEventSerializer.INSTANCE, new CleanEventSerializer.Snapshot());
    }

    /** Several records in one stream, copied record by record, must give the same bytes and the same records. */
    private static <T> void assertCopiesOneByOne(TypeSerializer<T> serializer, List<T> records) throws Exception {
        DataOutputSerializer written = new DataOutputSerializer(256);
        for (T record : records) {
            serializer.serialize(record, written);
        }
        DataInputDeserializer in = new DataInputDeserializer(written.getCopyOfBuffer());
        DataOutputSerializer copied = new DataOutputSerializer(256);
        for (int i = 0; i < records.size(); i++) {
            serializer.copy(in, copied);
        }
        assertThat(in.available()).isZero();
        assertThat(copied.getCopyOfBuffer()).isEqualTo(written.getCopyOfBuffer());
    }

    private static <T> void assertRestores(TypeSerializer<T> serializer, TypeSerializerSnapshot<T> empty)
            throws Exception {
        TypeSerializerSnapshot<T> written = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        written.writeSnapshot(out);
        empty.readSnapshot(written.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                RecordSerializersTest.class.getClassLoader());
        assertThat(empty.restoreSerializer()).isSameAs(serializer);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T record) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T read = serializer.deserialize(in);
        assertThat(in.available()).as("the record is read to its last byte").isZero();
        return read;
    }
}
