package dev.pulse.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a request body, parsed, with the exact bytes it was sent as (for the size limit and the DLQ).
 */
public record RawEvent(int index, JsonNode node, byte[] raw) {
}
