package dev.pulse.router.druid;

/** Druid refused the query itself: a planning or validation error, a bad column (HTTP 400). */
public class DruidQueryException extends RuntimeException {
    public DruidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
