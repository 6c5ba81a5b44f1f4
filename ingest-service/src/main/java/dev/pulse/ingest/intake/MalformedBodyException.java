package dev.pulse.ingest.intake;

/** The body as a whole is not the JSON an endpoint takes; no event in it can be told from another. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
