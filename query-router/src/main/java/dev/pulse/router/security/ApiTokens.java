package dev.pulse.router.security;

import dev.pulse.router.config.RouterProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The configured API tokens. Comparison takes the same time whatever the token, so timing tells nothing. */
public final class ApiTokens {

    /** Prefix of the documented demo tokens, which only the local profile may use. */
    public static final String DEMO_PREFIX = "pulse-demo-";

    private final List<RouterProperties.ApiToken> tokens;

    public ApiTokens(List<RouterProperties.ApiToken> tokens, Collection<String> activeProfiles) {
        boolean local = activeProfiles.contains("local");
        tokens.stream().filter(t -> t.token().startsWith(DEMO_PREFIX) && !local).findFirst().ifPresent(t -> {
            throw new IllegalStateException("the demo token '" + t.name() + "' is only allowed with the local"
                    + " profile; configure real tokens (pulse.router.tokens) for this environment");
        });
        this.tokens = List.copyOf(tokens);
    }

    public Optional<Role> roleOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Role found = null;
        for (RouterProperties.ApiToken token : tokens) {
            if (MessageDigest.isEqual(token.token().getBytes(StandardCharsets.UTF_8), given)) {
                found = token.role();
            }
        }
        return Optional.ofNullable(found);
    }
}
