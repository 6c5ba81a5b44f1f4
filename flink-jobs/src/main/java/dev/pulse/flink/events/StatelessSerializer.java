package dev.pulse.flink.events;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;

/**
 * The common part of the jobs' own serializers: an instance has no configuration, so one shared instance serves every
 * thread, two instances of a class are equal, and nothing is reused when reading.
 */
abstract class StatelessSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
