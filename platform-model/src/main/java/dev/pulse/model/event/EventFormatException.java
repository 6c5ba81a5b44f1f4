package dev.pulse.model.event;

/** A payload that is not a valid event. The message says what is wrong in words a client developer can act on. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
