package dev.pulse.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a write key. Write keys are long random tokens, not passwords a person picks, so a fast unsalted
 * hash is enough to keep them out of configuration files and memory dumps; a slow KDF would cost every request.
 */
public final class WriteKeyHash {

    private WriteKeyHash() {
    }

    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
