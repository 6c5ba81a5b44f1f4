package dev.pulse.flink.events;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link CleanEvent} between the clean job's parsing chain and its dedupe operator, with {@link CompactStrings}. */
public final class CleanEventSerializer extends RecordSerializer<CleanEvent> {

    public static final CleanEventSerializer INSTANCE = new CleanEventSerializer();
    private static final long serialVersionUID = 1L;

    private CleanEventSerializer() {
    }

    @Override
    public void serialize(CleanEvent event, DataOutputView out) throws IOException {
        CompactStrings.write(event.eventId(), out);
        CompactStrings.write(event.userId(), out);
        out.writeLong(event.timestamp());
        CompactStrings.writeBytes(event.json(), out);
        out.writeLong(event.idHash());
        out.writeLong(event.shardHash());
    }

    @Override
    public CleanEvent deserialize(DataInputView in) throws IOException {
        String eventId = CompactStrings.read(in);
        String userId = CompactStrings.read(in);
        long timestamp = in.readLong();
        byte[] json = CompactStrings.readBytes(in);
        return new CleanEvent(eventId, userId, timestamp, json, in.readLong(), in.readLong());
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        CompactStrings.copy(in, out);
        CompactStrings.copy(in, out);
        out.writeLong(in.readLong());
        CompactStrings.copy(in, out);
        out.writeLong(in.readLong());
        out.writeLong(in.readLong());
    }

    @Override
    public CleanEvent createInstance() {
        return new CleanEvent(null, null, 0, null, 0, 0);
    }

    @Override
    public TypeSerializerSnapshot<CleanEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer by class: it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CleanEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
