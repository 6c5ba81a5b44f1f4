package dev.pulse.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsTheUserNameWithAnEmptyPassword() {
        assertThat(BasicCredentials.username(basic("wk_123:"))).contains("wk_123");
        assertThat(BasicCredentials.username("basic " + encode("wk_123"))).contains("wk_123");
    }

    @Test
    void ignoresOtherSchemesAndGarbage() {
        assertThat(BasicCredentials.username(null)).isEmpty();
        assertThat(BasicCredentials.username("Bearer wk_123")).isEmpty();
        assertThat(BasicCredentials.username("Basic %%%")).isEmpty();
        assertThat(BasicCredentials.username(basic(":password"))).isEmpty();
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
