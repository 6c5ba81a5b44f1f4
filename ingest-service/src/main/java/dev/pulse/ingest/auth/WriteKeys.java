package dev.pulse.ingest.auth;

import dev.pulse.ingest.IngestProperties.WriteKey;
import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.RequestRefusedException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The configured write keys, by hash. Answers which source a presented key belongs to, if any. */
public final class WriteKeys {

    /** The documented demo key of the local profile (DESIGN.md); any other profile refuses to start with it. */
    static final String DEMO_KEY = "pulse-demo-write-key";

    private final Map<String, String> sourceByHash;

    private WriteKeys(Map<String, String> sourceByHash) {
        this.sourceByHash = Map.copyOf(sourceByHash);
    }

    /**
     * @param localProfile whether the {@code local} profile is active: only there may the demo key be configured
     */
    public static WriteKeys of(List<WriteKey> keys, boolean localProfile) {
        String demoHash = WriteKeyHash.sha256Hex(DEMO_KEY);
        Map<String, String> byHash = new HashMap<>();
        for (WriteKey key : keys) {
            String hash = key.sha256().trim().toLowerCase(Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("write key of source '" + key.source()
                        + "': sha256 must be 64 hex digits (printf %s KEY | sha256sum), not the key itself");
            }
            if (hash.equals(demoHash) && !localProfile) {
                throw new IllegalStateException("the demo write key (source '" + key.source() + "') is only allowed"
                        + " in the local profile; configure a secret key for this environment");
            }
            String previous = byHash.put(hash, key.source());
            if (previous != null) {
                throw new IllegalArgumentException("the same write key is configured for sources '" + previous
                        + "' and '" + key.source() + "'");
            }
        }
        return new WriteKeys(byHash);
    }

    /** The source a presented key belongs to, or 401 for a missing or unknown key. */
    public String authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new RequestRefusedException(Refusal.UNAUTHORIZED, "a write key is required: send it as the HTTP Basic"
                    + " user name with an empty password, or as writeKey in the body (Segment API)");
        }
        return sourceOf(presentedKey).orElseThrow(() -> new RequestRefusedException(Refusal.UNAUTHORIZED,
                "the write key is not known"));
    }

    /** The source a presented key belongs to; empty for an unknown, blank or missing key. */
    public Optional<String> sourceOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sourceByHash.get(WriteKeyHash.sha256Hex(presentedKey)));
    }
}
