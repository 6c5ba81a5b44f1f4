package dev.pulse.ingest.intake;

import java.util.List;

/** What a request achieved: every accepted event is acknowledged by Kafka, every rejection is in the DLQ. */
public record IntakeResult(int accepted, List<Rejection> rejections) {
}
