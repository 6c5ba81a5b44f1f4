package dev.pulse.flink.events;

/** A record that could not be used, with where it came from and why; written to {@code events.dlq}. */
public record DeadLetter(String sourceTopic, int partition, long offset, String reason, byte[] payload) {
}
