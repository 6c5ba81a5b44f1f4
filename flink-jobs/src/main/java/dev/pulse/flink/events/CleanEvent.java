package dev.pulse.flink.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.datasketches.hash.MurmurHash3;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A parsed, valid event on its way to {@code events.clean}.
 *
 * @param timestamp event time in epoch milliseconds (the Kafka timestamp of the clean record)
 * @param json      the event in Pulse's JSON form ({@code EventJson}), as written to {@code events.clean}
 * @param idHash    the first half of the event id's 128-bit MurmurHash3 ({@link #hashOf}): what dedupe stores
 * @param shardHash its second half: what picks the dedupe shard
 *
 * <p>The hash is computed once, where the event is parsed: the shard key is read on both sides of the shuffle and
 * the id looked up after it, and hashing the id for each of the three was a tenth of the dedupe thread (JFR).
 */
@TypeInfo(RecordTypeInfo.OfCleanEvent.class)
public record CleanEvent(String eventId, String userId, long timestamp, byte[] json, long idHash, long shardHash) {

    private static final long SEED = 0x5eed_9015eL;

    public CleanEvent(String eventId, String userId, long timestamp, byte[] json) {
        this(eventId, userId, timestamp, json, hashOf(eventId));
    }

    private CleanEvent(String eventId, String userId, long timestamp, byte[] json, long[] hash) {
        this(eventId, userId, timestamp, json, hash[0], hash[1]);
    }

    /** The 128-bit MurmurHash3 of the id's UTF-8 bytes; zeros for no id. */
    public static long[] hashOf(String eventId) {
        return eventId == null ? new long[2] : MurmurHash3.hash(eventId.getBytes(UTF_8), SEED);
    }
}
