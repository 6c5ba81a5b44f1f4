package dev.pulse.flink.events;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link PanePartial} between the rollup job's reading chain and its window operator, with {@link CompactStrings}. */
public final class PanePartialSerializer extends RecordSerializer<PanePartial> {

    public static final PanePartialSerializer INSTANCE = new PanePartialSerializer();
    private static final long serialVersionUID = 1L;

    private PanePartialSerializer() {
    }

    @Override
    public void serialize(PanePartial partial, DataOutputView out) throws IOException {
        CompactStrings.write(partial.key(), out);
        out.writeInt(partial.family());
        CompactStrings.writeAll(partial.dimensions(), out);
        out.writeLong(partial.paneStart());
        out.writeLong(partial.events());
        out.writeDouble(partial.revenue());
        CompactStrings.writeBytes(partial.userBytes(), out);
        writeInts(partial.userEnds(), out);
    }

    @Override
    public PanePartial deserialize(DataInputView in) throws IOException {
        String key = CompactStrings.read(in);
        int family = in.readInt();
        String[] dimensions = CompactStrings.readAll(in);
        long paneStart = in.readLong();
        long events = in.readLong();
        double revenue = in.readDouble();
        byte[] userBytes = CompactStrings.readBytes(in);
        return new PanePartial(key, family, dimensions, paneStart, events, revenue, userBytes, readInts(in));
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        CompactStrings.copy(in, out);
        out.writeInt(in.readInt());
        CompactStrings.copyAll(in, out);
        out.writeLong(in.readLong());
        out.writeLong(in.readLong());
        out.writeDouble(in.readDouble());
        CompactStrings.copy(in, out);
        int count = in.readInt();
        out.writeInt(count);
        if (count > 0) {
            out.write(in, 4 * count);
        }
    }

    private static void writeInts(int[] values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int value : values) {
                out.writeInt(value);
            }
        }
    }

    private static int[] readInts(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            return null;
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    @Override
    public PanePartial createInstance() {
        return new PanePartial(null, 0, null, 0, 0, 0, null, null);
    }

    @Override
    public TypeSerializerSnapshot<PanePartial> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer by class: it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PanePartial> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
