package dev.pulse.router.druid;

/** Druid cannot be reached or has no capacity (HTTP 503). */
public class DruidUnavailableException extends RuntimeException {
    public DruidUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
