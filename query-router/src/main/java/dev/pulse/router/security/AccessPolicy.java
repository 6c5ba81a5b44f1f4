package dev.pulse.router.security;

import java.util.Optional;

/** The role each API path needs; empty for the public ones. Pure, so a table test covers it. */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static Optional<Role> required(String path) {
        if (path.startsWith("/v1/admin/")) {
            return Optional.of(Role.ADMIN);
        }
        if (path.equals("/v1/query/sql") || path.equals("/v1/query/adhoc")) {
            return Optional.of(Role.ANALYST);
        }
        if (path.startsWith("/v1/")) {
            return Optional.of(Role.VIEWER);
        }
        // the OpenAPI document and anything outside the API (error pages) are public; actuator is mapped apart
        return Optional.empty();
    }
}
