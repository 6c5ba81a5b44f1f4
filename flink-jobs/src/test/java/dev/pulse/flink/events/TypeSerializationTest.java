package dev.pulse.flink.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records and state travel with Flink's POJO serializer or one of the jobs' own, never Kryo (slower, and fragile across
 * versions). The records that cross a shuffle have their own ({@link RecordSerializersTest}).
 */
class TypeSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {RawRecord.class, DeadLetter.class, RollupRow.class, LateEvent.class, Progress.class,
            DeltaAccumulator.class, HashedIdSet.class, IdBuckets.class, RollupInput.class})
    void isHandledAsPojo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class).isNotInstanceOf(GenericTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as(type.getSimpleName() + "." + pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }
}
