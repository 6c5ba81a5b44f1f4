package dev.pulse.flink.events;

/**
 * A Kafka record as the jobs receive it, before parsing: where it came from and its bytes. Parsing happens in an
 * operator (not in the deserializer) so that a bad payload leaves through the dead-letter side output with its
 * origin rather than failing the source.
 *
 * @param timestamp the Kafka record timestamp (the event time, for topics Pulse writes)
 * @param canonical whether the record carries the {@code CanonicalEvent} header: its value is already in the form
 *                  {@code EventJson.write} writes
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] value, boolean canonical)
        implements java.io.Serializable {
}
