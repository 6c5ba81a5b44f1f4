package dev.pulse.router.security;

/** No valid bearer token (HTTP 401). */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
