package dev.pulse.router.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.router.admin.DatasourceVersions;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The hand-written OpenAPI document (served at /openapi.yaml) names exactly the endpoints the controllers map. */
class OpenApiDocumentTest {

    @Test
    void documentsEveryEndpointAndNoOther() throws Exception {
        Set<String> mapped = new TreeSet<>();
        for (Class<?> controller : new Class<?>[] {QueryController.class, CatalogController.class,
                Class.forName(DatasourceVersions.class.getPackageName() + ".AdminController")}) {
            for (Method method : controller.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GetMapping.class)) {
                    mapped.add("get " + method.getAnnotation(GetMapping.class).value()[0]);
                }
                if (method.isAnnotationPresent(PostMapping.class)) {
                    mapped.add("post " + method.getAnnotation(PostMapping.class).value()[0]);
                }
                if (method.isAnnotationPresent(DeleteMapping.class)) {
                    mapped.add("delete " + method.getAnnotation(DeleteMapping.class).value()[0]);
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/static/openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
            paths.properties().forEach(path -> path.getValue().fieldNames()
                    .forEachRemaining(verb -> documented.add(verb.toLowerCase(Locale.ROOT) + " " + path.getKey())));
        }
        assertThat(documented).isEqualTo(mapped).hasSize(7);
    }
}
