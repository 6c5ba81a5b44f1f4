package dev.pulse.router.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.router.config.RouterProperties.ApiToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(nullValues = "-", textBlock = """
            /v1/query/metrics,             VIEWER
            /v1/catalog,                   VIEWER
            /v1/query/1234,                VIEWER
            /v1/query/sql,                 ANALYST
            /v1/query/adhoc,               ANALYST
            /v1/admin/datasource-version,  ADMIN
            /openapi.yaml,                 -
            """)
    void eachPathNeedsItsRole(String path, Role role) {
        assertThat(AccessPolicy.required(path)).isEqualTo(Optional.ofNullable(role));
    }

    @ParameterizedTest(name = "{0} may do what {1} may: {2}")
    @CsvSource(textBlock = """
            VIEWER,  VIEWER,  true
            VIEWER,  ANALYST, false
            VIEWER,  ADMIN,   false
            ANALYST, VIEWER,  true
            ANALYST, ANALYST, true
            ANALYST, ADMIN,   false
            ADMIN,   VIEWER,  true
            ADMIN,   ANALYST, true
            ADMIN,   ADMIN,   true
            """)
    void rolesIncludeTheLowerOnes(Role held, Role needed, boolean allowed) {
        assertThat(held.includes(needed)).isEqualTo(allowed);
    }

    @Test
    void demoTokensOnlyInTheLocalProfile() {
        List<ApiToken> demo = List.of(new ApiToken("demo viewer", "pulse-demo-viewer", Role.VIEWER));
        assertThatThrownBy(() -> new ApiTokens(demo, List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("local profile");
        assertThatThrownBy(() -> new ApiTokens(demo, List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(new ApiTokens(demo, List.of("local")).roleOf("pulse-demo-viewer")).contains(Role.VIEWER);
    }

    @Test
    void unknownTokensHaveNoRole() {
        ApiTokens tokens = new ApiTokens(List.of(new ApiToken("ops", "s3cret-token", Role.ADMIN)), List.of("prod"));
        assertThat(tokens.roleOf("s3cret-token")).contains(Role.ADMIN);
        assertThat(tokens.roleOf("s3cret-toke")).isEmpty();
        assertThat(tokens.roleOf("")).isEmpty();
    }
}
