package dev.pulse.router.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pulse.model.catalog.MetricCatalog;
import dev.pulse.router.TestCatalog;
import dev.pulse.router.cache.CachedRows;
import dev.pulse.router.config.RouterProperties.ApiToken;
import dev.pulse.router.druid.DruidTimeoutException;
import dev.pulse.router.druid.DruidUnavailableException;
import dev.pulse.router.druid.RunningQueries;
import dev.pulse.router.query.BadQueryException;
import dev.pulse.router.query.MetricQueryService;
import dev.pulse.router.query.CachedAnswer;
import dev.pulse.router.query.QueryResponse;
import dev.pulse.router.security.ApiTokens;
import dev.pulse.router.security.Role;
import dev.pulse.router.sql.SqlQueryService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The HTTP contract: bodies, roles, and the one problem-details mapping. The services are stubbed. */
@WebMvcTest(controllers = {QueryController.class, CatalogController.class})
@Import(QueryControllerTest.Tokens.class)
class QueryControllerTest {

    private static final String METRIC_QUERY = """
            {"metrics":["dau"],"range":{"last":"24h"},"granularity":"hour","groupBy":["country"]}""";

    @TestConfiguration
    static class Tokens {
        @Bean
        ApiTokens apiTokens() {
            return new ApiTokens(List.of(new ApiToken("v", "viewer-token", Role.VIEWER),
                    new ApiToken("a", "analyst-token", Role.ANALYST)), List.of("test"));
        }

        @Bean
        MetricCatalog catalog() {
            return TestCatalog.CATALOG;
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MetricQueryService metrics;

    @MockitoBean
    SqlQueryService sql;

    @MockitoBean
    RunningQueries running;

    private static MockHttpServletRequestBuilder postJson(String path, String token, String body) {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    @Test
    void answersAMetricQueryWithRowsRouteAndCacheStatus() throws Exception {
        given(metrics.metrics(any())).willReturn(new QueryResponse(
                List.of(Map.of("time", "2026-11-28T10:00:00Z", "country", "DE", "dau", 42)),
                new QueryResponse.RouteInfo("rollup", "rollup_5m", "hour buckets ..."), "miss", "q-1"));
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].country").value("DE"))
                .andExpect(jsonPath("$.rows[0].dau").value(42))
                .andExpect(jsonPath("$.route.datasource").value("rollup_5m"))
                .andExpect(jsonPath("$.cache").value("miss"));
    }

    private static final String CACHED_JSON = "{\"rows\":[{\"time\":\"2026-11-28T10:00:00Z\",\"country\":\"DE\","
            + "\"dau\":42}],\"route\":{\"target\":\"rollup\",\"datasource\":\"rollup_1h\",\"reason\":\"hour buckets ...\"},"
            + "\"cache\":\"hit\",\"queryId\":\"q-2\"}";

    private void givenACachedAnswer() {
        byte[] rows = "[{\"time\":\"2026-11-28T10:00:00Z\",\"country\":\"DE\",\"dau\":42}]"
                .getBytes(StandardCharsets.UTF_8);
        given(metrics.metrics(any())).willReturn(new CachedAnswer(CachedRows.compress(rows),
                new QueryResponse.RouteInfo("rollup", "rollup_1h", "hour buckets ..."), "hit", "q-2"));
    }

    @Test
    void writesCachedRowsAsTheSameJsonAsAComputedAnswer() throws Exception {
        givenACachedAnswer();
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json(CACHED_JSON, JsonCompareMode.STRICT));
    }

    @Test
    void sendsCachedRowsGzippedToAClientThatAcceptsGzip() throws Exception {
        givenACachedAnswer();
        byte[] body = mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY)
                        .header("Accept-Encoding", "br, gzip;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Vary", "Accept-Encoding"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(new String(gzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CACHED_JSON);
        }
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY).header("Accept-Encoding", "gzip;q=0"))
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(content().json(CACHED_JSON, JsonCompareMode.STRICT));
    }

    @Test
    void missingOrUnknownTokenIs401WithAProblem() throws Exception {
        mvc.perform(postJson("/v1/query/metrics", null, METRIC_QUERY))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value("send an API token as 'Authorization: Bearer <token>'"));
        mvc.perform(postJson("/v1/query/metrics", "guessed", METRIC_QUERY))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API token is not valid"));
    }

    @Test
    void viewerCannotRunSqlOrAdhoc() throws Exception {
        mvc.perform(postJson("/v1/query/sql", "viewer-token", "{\"sql\":\"SELECT 1\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("this call needs the analyst role; the token has viewer"));
        mvc.perform(postJson("/v1/query/adhoc", "viewer-token", METRIC_QUERY)).andExpect(status().isForbidden());
    }

    @Test
    void analystRunsSql() throws Exception {
        given(sql.run("SELECT COUNT(*) FROM events_raw")).willReturn(new QueryResponse(List.of(Map.of("c", 3)),
                new QueryResponse.RouteInfo("sql", "", "analyst SQL"), "bypass", "q-2"));
        mvc.perform(postJson("/v1/query/sql", "analyst-token", "{\"sql\":\"SELECT COUNT(*) FROM events_raw\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].c").value(3));
    }

    @Test
    void mapsFailuresToStatusCodes() throws Exception {
        willThrow(new BadQueryException("unknown metric 'x'")).given(metrics).metrics(any());
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown metric 'x'"))
                .andExpect(jsonPath("$.status").value(400));

        willThrow(new DruidUnavailableException("Druid is unavailable: refused", null)).given(metrics).metrics(any());
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY))
                .andExpect(status().isServiceUnavailable());

        willThrow(new DruidTimeoutException("Druid did not answer", null)).given(metrics).metrics(any());
        mvc.perform(postJson("/v1/query/metrics", "viewer-token", METRIC_QUERY))
                .andExpect(status().isGatewayTimeout());

        mvc.perform(postJson("/v1/query/metrics", "viewer-token", "{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad query"));
    }

    @Test
    void listsTheCatalog() throws Exception {
        mvc.perform(get("/v1/catalog").header("Authorization", "Bearer viewer-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metrics[?(@.name == 'dau')].type").value("distinct"))
                .andExpect(jsonPath("$.dimensions[?(@.name == 'sku')].rollup").value(false))
                .andExpect(jsonPath("$.granularities[1]").value("5minute"));
    }
}
