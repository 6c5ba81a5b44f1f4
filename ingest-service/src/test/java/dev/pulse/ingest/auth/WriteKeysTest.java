package dev.pulse.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ingest.IngestProperties.WriteKey;
import dev.pulse.ingest.intake.RequestRefusedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteKeysTest {

    private static final String SHOP_KEY = "wk_3c1f9a7e5b2d4c6e8f0a1b3c5d7e9f1a";
    private static final String DEMO_HASH = "f212ff370b6a8b2467dda714f648e982565818513dd70f5f29d2515f4a8becca";

    @Test
    void findsTheSourceOfAKeyByItsHash() {
        WriteKeys keys = WriteKeys.of(List.of(new WriteKey("shop", WriteKeyHash.sha256Hex(SHOP_KEY), null)), false);

        assertThat(keys.authenticate(SHOP_KEY)).isEqualTo("shop");
        assertThat(keys.sourceOf("wk_other")).isEmpty();
    }

    @Test
    void refusesMissingAndUnknownKeysWith401() {
        WriteKeys keys = WriteKeys.of(List.of(new WriteKey("shop", WriteKeyHash.sha256Hex(SHOP_KEY), null)), false);

        for (String presented : new String[] {null, "", "  ", "wk_other", WriteKeyHash.sha256Hex(SHOP_KEY)}) {
            assertThatThrownBy(() -> keys.authenticate(presented)).as("key %s", presented)
                    .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void theDemoKeyHashIsTheDocumentedKey() {
        assertThat(WriteKeyHash.sha256Hex("pulse-demo-write-key")).isEqualTo(DEMO_HASH);
        assertThat(WriteKeys.of(List.of(new WriteKey("demo", DEMO_HASH, null)), true).authenticate("pulse-demo-write-key"))
                .isEqualTo("demo");
    }

    @Test
    void refusesTheDemoKeyOutsideTheLocalProfile() {
        assertThatThrownBy(() -> WriteKeys.of(List.of(new WriteKey("demo", DEMO_HASH.toUpperCase(), null)), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only allowed in the local profile");
    }

    @Test
    void refusesAPlainKeyWhereAHashBelongs() {
        assertThatThrownBy(() -> WriteKeys.of(List.of(new WriteKey("shop", SHOP_KEY, null)), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void refusesOneKeyForTwoSources() {
        String hash = WriteKeyHash.sha256Hex(SHOP_KEY);
        assertThatThrownBy(() -> WriteKeys.of(List.of(new WriteKey("a", hash, null), new WriteKey("b", hash, null)), false))
                .hasMessageContaining("'a' and 'b'");
    }
}
