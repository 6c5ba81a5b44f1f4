package dev.pulse.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The write keys of ingest-slice.properties. */
public final class TestKeys {

    public static final String TEST_KEY = "test-write-key";
    public static final String SLOW_KEY = "slow-write-key";

    private TestKeys() {
    }

    /** {@code Authorization: Basic base64(key:)}, as Segment SDKs send it. */
    public static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
