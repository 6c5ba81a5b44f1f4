package dev.pulse.flink.events;

/**
 * How far a rollup datasource is complete: every event with an event time before {@code completeUntil} that is not
 * late has been emitted (and is visible once the checkpoint that carries it commits).
 */
public record Progress(String datasource, String window, long completeUntil, long watermark) {
}
