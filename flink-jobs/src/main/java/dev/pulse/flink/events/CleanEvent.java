package dev.pulse.flink.events;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A parsed, valid event on its way to {@code events.clean}.
 *
 * @param timestamp event time in epoch milliseconds (the Kafka timestamp of the clean record)
 * @param json      the event in Pulse's JSON form ({@code EventJson}), as written to {@code events.clean}
 */
@TypeInfo(RecordTypeInfo.OfCleanEvent.class)
public record CleanEvent(String eventId, String userId, long timestamp, byte[] json) {
}
