package dev.pulse.e2e.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PulseStackExtension.class)
class FlinkSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void reportsOneTaskManagerWithFreeSlots(StackAddresses stack) throws Exception {
        JsonNode overview = get(stack.flinkRestUrl() + "/overview");

        assertThat(overview.path("flink-version").asText()).startsWith("2.2");
        assertThat(overview.path("taskmanagers").asInt()).isEqualTo(1);
        assertThat(overview.path("slots-available").asInt()).isPositive();

        JsonNode taskManagers = get(stack.flinkRestUrl() + "/taskmanagers").path("taskmanagers");
        assertThat(taskManagers).hasSize(1);
        assertThat(taskManagers.get(0).path("slotsNumber").asInt()).isEqualTo(4);
    }
}
