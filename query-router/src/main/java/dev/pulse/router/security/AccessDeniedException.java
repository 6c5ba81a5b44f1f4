package dev.pulse.router.security;

/** A valid token whose role does not allow the call (HTTP 403). */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
