package dev.pulse.flink.testing;

import dev.pulse.flink.events.RawRecord;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

/** Named times and event builders shared by the tests. */
public final class Fixtures {

    /** 2026-11-28T10:00:00Z: a window boundary for every catalog window. */
    public static final long T0 = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();
    public static final long ONE_SECOND = 1_000;
    public static final long ONE_MINUTE = 60_000;
    public static final long FIVE_MINUTES = 5 * ONE_MINUTE;
    public static final long ONE_HOUR = 60 * ONE_MINUTE;

    private Fixtures() {
    }

    public static Event event(String id, String type, String user, long timestamp, String country, Double revenue) {
        return new Event(id, type, user, Instant.ofEpochMilli(timestamp), null, Map.of("sku", "A1"),
                new EventContext(country, "mobile", "web"), revenue, revenue == null ? null : "EUR");
    }

    /** The event as the ingest service writes it: {@code EventJson.write}'s bytes, marked canonical. */
    public static RawRecord raw(Event event) {
        return new RawRecord("events." + event.family().id(), 0, 0, event.timestamp().toEpochMilli(),
                EventJson.write(event), true);
    }

    /** A record from some other producer: not marked canonical. */
    public static RawRecord raw(String payload) {
        return new RawRecord("events.other", 0, 0, T0, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false);
    }

    /**
     * A bounded source emitting at most {@code perSecond} records a second: between records the task is free to
     * emit periodic watermarks, so later records meet the watermark of earlier ones.
     */
    public static DataGeneratorSource<RawRecord> throttledSource(List<RawRecord> records, double perSecond) {
        RawRecord[] all = records.toArray(RawRecord[]::new);
        return new DataGeneratorSource<>(index -> all[(int) (long) index], all.length,
                RateLimiterStrategy.perSecond(perSecond), TypeInformation.of(RawRecord.class));
    }

    /** A bounded source of the given records, in order (split across the source's parallel readers). */
    public static DataGeneratorSource<RawRecord> source(List<RawRecord> records) {
        RawRecord[] all = records.toArray(RawRecord[]::new);
        return new DataGeneratorSource<>(index -> all[(int) (long) index], all.length,
                RateLimiterStrategy.noOp(), TypeInformation.of(RawRecord.class));
    }
}
