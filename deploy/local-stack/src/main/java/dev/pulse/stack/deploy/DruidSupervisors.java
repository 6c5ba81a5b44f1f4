package dev.pulse.stack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.model.druid.SupervisorSpec;
import java.io.PrintStream;
import java.util.List;

/**
 * Submits the supervisor specs to the Druid overlord. Submitting an unchanged spec is a no-op for Druid; a changed
 * one replaces the running supervisor (its tasks hand off and new ones start with the new spec).
 */
final class DruidSupervisors {

    private final String overlordUrl;
    private final PrintStream out;

    DruidSupervisors(String overlordUrl, PrintStream out) {
        this.overlordUrl = overlordUrl;
        this.out = out;
    }

    void submit(List<SupervisorSpec> specs) throws DeployException {
        for (SupervisorSpec spec : specs) {
            try {
                JsonNode answer = Rest.postJson(overlordUrl + "/druid/indexer/v1/supervisor", spec.json());
                out.println("  druid: supervisor " + answer.path("id").asText(spec.datasource()) + " <- " + spec.topic());
            } catch (DeployException e) {
                throw new DeployException("the Druid overlord refused the supervisor of " + spec.datasource() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
