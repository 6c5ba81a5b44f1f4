package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.ingest.intake.Fields;
import dev.pulse.ingest.intake.JsonBodies;
import dev.pulse.ingest.intake.RawEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming read must see what the tree-based mapping saw: the same nodes for the fields it checks, the same map. */
class NativeEventJsonTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> CHECKED = List.of(
            "event_id", "event_type", "user_id", "timestamp", "context", "revenue", "currency", "properties");

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"event_id":"7f1c","event_type":"transaction","user_id":"u-42","timestamp":"2026-11-28T10:15:30.123Z",
             "properties":{"sku":"A1","qty":2},"context":{"country":"DE","device":"mobile","platform":"web"},
             "revenue":19.99,"currency":"eur"}""",
            "{}",
            """
            {"event_id":12345678901234567890123,"event_type":-0,"user_id":9007199254740993,"revenue":"19.5",
             "currency":null,"timestamp":1700000000}""",
            """
            {"properties":{"int":1,"long":4294967296,"big":123456789012345678901234567890,"float":1.5e3,"neg":-0.0,
             "null":null,"t":true,"f":false,"list":[1,[2,{"x":null}],"s"],"obj":{"nested":{"deep":[]}},
             "text":"caf\\u00e9 \\"q\\" \\n \\ud83d\\ude00"}}""",
            """
            {"properties":{"a":1},"properties":null}""",
            """
            {"properties":null,"properties":{"b":2}}""",
            """
            {"properties":{"a":1},"properties":[1,2]}""",
            """
            {"event_id":"first","event_id":"second","context":"DE","context":{"country":"FR","x":{"y":[1]}}}""",
            """
            {"unknown":{"deep":[{"a":1},[]]},"other":[1,2,3],"event_type":"click","skipped":"text","revenue":7}""",
            """
            {"properties":{"dup":1,"other":2,"dup":3},"context":{"device":["mobile"],"platform":true}}"""})
    void readsTheFieldsTheTreeHeld(String json) {
        JsonNode tree = tree(json);
        NativeEventJson read = NativeEventJson.read(rawEvent(json));

        ObjectNode expected = MAPPER.createObjectNode();
        for (String field : CHECKED) {
            if (tree.has(field) && !(field.equals("properties") && tree.get(field).isObject())) {
                expected.set(field, tree.get(field));
            }
        }
        assertThat(read.fields()).isEqualTo(expected);
        if (tree.path("properties").isObject()) {
            assertThat(read.properties()).isEqualTo(Fields.object(tree, "properties"));
            assertThat(read.properties().keySet()).containsExactlyElementsOf(Fields.object(tree, "properties").keySet());
        } else {
            assertThat(read.properties()).isNull();
        }
    }

    private static RawEvent rawEvent(String json) {
        return JsonBodies.batch(("[ " + json + " ]").getBytes(StandardCharsets.UTF_8), 10).events().get(0);
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
