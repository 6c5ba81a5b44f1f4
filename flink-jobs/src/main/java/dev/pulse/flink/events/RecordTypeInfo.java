package dev.pulse.flink.events;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type information of a record that has its own serializer ({@link PanePartial}, {@link CleanEvent}, the
 * records that cross the jobs' shuffles): Flink finds it through the record's {@code @TypeInfo} factory wherever the record is an
 * operator's output.
 */
public final class RecordTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    RecordTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    /** For {@code @TypeInfo} on {@link PanePartial}. */
    public static final class OfPanePartial extends TypeInfoFactory<PanePartial> {
        @Override
        public TypeInformation<PanePartial> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return new RecordTypeInfo<>(PanePartial.class, PanePartialSerializer.INSTANCE);
        }
    }

    /** For {@code @TypeInfo} on {@link CleanEvent}. */
    public static final class OfCleanEvent extends TypeInfoFactory<CleanEvent> {
        @Override
        public TypeInformation<CleanEvent> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return new RecordTypeInfo<>(CleanEvent.class, CleanEventSerializer.INSTANCE);
        }
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "(" + serializer.getClass().getSimpleName() + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordTypeInfo<?> other && other.canEqual(this) && type == other.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof RecordTypeInfo;
    }
}
