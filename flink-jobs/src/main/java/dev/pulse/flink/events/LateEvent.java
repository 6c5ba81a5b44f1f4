package dev.pulse.flink.events;

/**
 * An event that came after its windows were closed for good (beyond the allowed lateness): it stays in
 * {@code events_raw} but not in the rollups, and goes to {@code events.late}.
 *
 * @param watermark the rollup's event-time watermark when it arrived
 */
public record LateEvent(String userId, long timestamp, long watermark, byte[] json) {
}
