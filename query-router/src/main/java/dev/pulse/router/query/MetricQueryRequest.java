package dev.pulse.router.query;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/query/metrics} and {@code POST /v1/query/adhoc}, as sent.
 *
 * @param moving optional ISO-8601 duration of a moving window ({@code PT1H}): answered from the sliding rollup
 */
public record MetricQueryRequest(
        List<String> metrics,
        RangeSpec range,
        String granularity,
        Map<String, List<String>> filters,
        List<String> groupBy,
        Integer limit,
        String moving) {

    /** Either an absolute range ({@code from}, {@code to}, ISO-8601 instants) or a relative one ({@code last}: 24h, 7d, 30m). */
    public record RangeSpec(String from, String to, String last) {
    }
}
