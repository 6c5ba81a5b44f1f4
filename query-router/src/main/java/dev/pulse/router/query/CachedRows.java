package dev.pulse.router.query;

import java.util.List;
import java.util.Map;

/** What the cache stores for a metric query: the finished rows. */
record CachedRows(List<Map<String, Object>> rows) {
}
