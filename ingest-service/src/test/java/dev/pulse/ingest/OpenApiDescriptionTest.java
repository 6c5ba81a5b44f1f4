package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The hand-written openapi.yaml (served at /openapi.yaml) lists exactly the endpoints the service maps. */
@WebMvcTest
@Import({IngestSlice.class, dev.pulse.ingest.api.NativeIngestAccess.class, dev.pulse.ingest.segment.SegmentIngestAccess.class})
@TestPropertySource(locations = "classpath:ingest-slice.properties")
class OpenApiDescriptionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RequestMappingHandlerMapping mappings;
    /** The native endpoint: a filter ahead of Spring MVC, answering POST (NativeApiConfiguration). */
    @Autowired
    @Qualifier("nativeEventsEndpoint")
    FilterRegistrationBean<?> nativeEndpoint;

    @Test
    void describesEveryEndpointAndNoOther() throws Exception {
        byte[] yaml = mvc.perform(get("/openapi.yaml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode description = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        Set<String> described = new TreeSet<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> described.add(method.getKey().toUpperCase() + " " + path.getKey())));
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/v1/") && !path.endsWith("/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + path))));

        nativeEndpoint.getUrlPatterns().stream().filter(path -> !path.endsWith("/"))
                .forEach(path -> mapped.add("POST " + path));

        assertThat(mapped).hasSize(16).contains("POST /v1/events");
        assertThat(described).isEqualTo(mapped);
    }
}
