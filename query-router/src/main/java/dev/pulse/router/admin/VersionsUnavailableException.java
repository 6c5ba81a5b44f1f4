package dev.pulse.router.admin;

/** The shared store of datasource versions (Kafka) did not take a switch; nothing was switched. */
public class VersionsUnavailableException extends RuntimeException {

    public VersionsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
