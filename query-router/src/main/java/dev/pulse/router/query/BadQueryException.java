package dev.pulse.router.query;

/** The query cannot be answered as asked; the message tells the caller what to change (HTTP 400). */
public class BadQueryException extends RuntimeException {
    public BadQueryException(String message) {
        super(message);
    }
}
