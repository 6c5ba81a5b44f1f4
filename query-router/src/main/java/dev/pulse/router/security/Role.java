package dev.pulse.router.security;

import java.util.Locale;

/** What a token may do. Each role includes the ones before it. */
public enum Role {
    /** metric queries and the catalog */
    VIEWER,
    /** plus analyst SQL and ad-hoc queries on raw events */
    ANALYST,
    /** plus datasource versions (replay cutover) */
    ADMIN;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
