package dev.pulse.stack.deploy;

/** A deploy step that failed, with a message a person can act on. */
public class DeployException extends Exception {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
