package dev.pulse.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The write key from {@code Authorization: Basic base64(key:)}, the way Segment SDKs send it. */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    public static Optional<String> username(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isBlank() ? Optional.empty() : Optional.of(user);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
