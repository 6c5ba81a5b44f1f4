package dev.pulse.router.admin;

import java.util.Map;

/**
 * Body of {@code POST /v1/admin/datasource-version}: either explicit names
 * ({@code {"datasources":{"rollup_1m":"rollup_1m_v2"}}}) or a suffix for every rollup ({@code {"suffix":"_v2"}}).
 */
public record DatasourceVersionRequest(Map<String, String> datasources, String suffix) {
}
