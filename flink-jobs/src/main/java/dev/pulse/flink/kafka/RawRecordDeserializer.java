package dev.pulse.flink.kafka;

import dev.pulse.flink.events.RawRecord;
import dev.pulse.model.event.CanonicalEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Passes Kafka records on untouched: parsing (and rejecting) is the job's first operator. */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    /**
     * Whether to look for the {@link CanonicalEvent#HEADER}: the clean job's input needs it, {@code events.clean} does
     * not (it holds only canonical events). Finding a header decodes the name of every header of every record, a
     * ninth of the rollup job's reading thread (JFR, replay of 5 million events).
     */
    private final boolean readsFormatHeader;

    public RawRecordDeserializer(boolean readsFormatHeader) {
        this.readsFormatHeader = readsFormatHeader;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        Header format = readsFormatHeader ? record.headers().lastHeader(CanonicalEvent.HEADER) : null;
        out.collect(new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.value(), format != null && CanonicalEvent.isCanonical(format.value())));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
