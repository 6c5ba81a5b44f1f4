package dev.pulse.ingest.web;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to an ingest endpoint, with its body already read within the size limits and inflated.
 *
 * @param basicKey the write key from HTTP Basic, when the client sent one
 */
public record IngestRequest(String endpoint, byte[] body, Optional<String> basicKey, Instant receivedAt) {
}
