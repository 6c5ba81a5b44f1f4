package dev.pulse.flink.events;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link RollupInput} wherever Flink must copy or send it, with {@link CompactStrings}. In the rollup job it stays
 * within the reading chain; what crosses the shuffle to the window operator is a {@link PanePartial}.
 */
public final class RollupInputSerializer extends RecordSerializer<RollupInput> {

    public static final RollupInputSerializer INSTANCE = new RollupInputSerializer();
    private static final long serialVersionUID = 1L;

    private RollupInputSerializer() {
    }

    @Override
    public void serialize(RollupInput input, DataOutputView out) throws IOException {
        CompactStrings.write(input.key(), out);
        out.writeInt(input.family());
        CompactStrings.writeAll(input.dimensions(), out);
        out.writeLong(input.timestamp());
        out.writeDouble(input.revenue());
        CompactStrings.write(input.userId(), out);
        CompactStrings.writeBytes(input.json(), out);
    }

    @Override
    public RollupInput deserialize(DataInputView in) throws IOException {
        String key = CompactStrings.read(in);
        int family = in.readInt();
        String[] dimensions = CompactStrings.readAll(in);
        long timestamp = in.readLong();
        double revenue = in.readDouble();
        String userId = CompactStrings.read(in);
        return new RollupInput(key, family, dimensions, timestamp, revenue, userId, CompactStrings.readBytes(in));
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        CompactStrings.copy(in, out);
        out.writeInt(in.readInt());
        CompactStrings.copyAll(in, out);
        out.writeLong(in.readLong());
        out.writeDouble(in.readDouble());
        CompactStrings.copy(in, out);
        CompactStrings.copy(in, out);
    }

    @Override
    public RollupInput createInstance() {
        return new RollupInput(null, 0, null, 0, 0, null, null);
    }

    @Override
    public TypeSerializerSnapshot<RollupInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer by class: it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RollupInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
