package dev.pulse.router.druid;

/** Druid did not answer within the profile's timeout (HTTP 504). */
public class DruidTimeoutException extends RuntimeException {
    public DruidTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
