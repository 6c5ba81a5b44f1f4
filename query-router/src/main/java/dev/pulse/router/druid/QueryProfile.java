package dev.pulse.router.druid;

/** The two kinds of Druid work, each with its own pool and query context. */
public enum QueryProfile {
    /** metric queries from dashboards: short timeout, normal priority */
    DASHBOARD,
    /** analyst SQL and ad-hoc queries on raw events: lower priority */
    ADHOC
}
