package dev.pulse.stack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.model.druid.CompactionConfig;
import dev.pulse.model.druid.SupervisorSpec;
import java.io.PrintStream;
import java.util.List;

/**
 * Submits the pipeline's Druid specs to the coordinator, which is also the overlord locally. Submitting an unchanged
 * spec is a no-op for Druid; a changed supervisor replaces the running one (its tasks hand off and new ones start
 * with the new spec), a compaction config replaces the datasource's previous one.
 */
final class DruidSpecs {

    private final String coordinatorUrl;
    private final PrintStream out;

    DruidSpecs(String coordinatorUrl, PrintStream out) {
        this.coordinatorUrl = coordinatorUrl;
        this.out = out;
    }

    void submitSupervisors(List<SupervisorSpec> specs) throws DeployException {
        for (SupervisorSpec spec : specs) {
            JsonNode answer = post("/druid/indexer/v1/supervisor", spec.json(), "supervisor", spec.datasource());
            out.println("  druid: supervisor " + answer.path("id").asText(spec.datasource()) + " <- " + spec.topic());
        }
    }

    /** Auto-compaction runs in the coordinator's share of task slots (Druid's default: a tenth, at least one). */
    void submitCompaction(List<CompactionConfig> configs) throws DeployException {
        for (CompactionConfig config : configs) {
            post("/druid/coordinator/v1/config/compaction", config.json(), "compaction config", config.datasource());
        }
        out.println("  druid: auto-compaction of settled days for "
                + String.join(", ", configs.stream().map(CompactionConfig::datasource).toList()));
    }

    private JsonNode post(String path, String json, String what, String datasource) throws DeployException {
        try {
            return Rest.postJson(coordinatorUrl + path, json);
        } catch (DeployException e) {
            throw new DeployException("the Druid coordinator refused the " + what + " of " + datasource + ": "
                    + e.getMessage(), e);
        }
    }
}
