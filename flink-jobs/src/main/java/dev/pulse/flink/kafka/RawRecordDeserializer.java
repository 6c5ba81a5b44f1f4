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

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        Header format = record.headers().lastHeader(CanonicalEvent.HEADER);
        out.collect(new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.value(), format != null && CanonicalEvent.isCanonical(format.value())));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
