package dev.pulse.ingest.intake;

import dev.pulse.model.event.Event;

/** Turns one event of a request into a Pulse event, or throws {@link RejectedEventException} saying why not. */
@FunctionalInterface
public interface EventMapper {

    Event map(RawEvent raw);
}
