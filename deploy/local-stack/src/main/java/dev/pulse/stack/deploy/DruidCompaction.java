package dev.pulse.stack.deploy;

import dev.pulse.model.druid.CompactionConfig;
import java.io.PrintStream;
import java.util.List;

/**
 * Submits the auto-compaction configs to the Druid coordinator, which compacts settled days in its own task slot
 * (one of the indexer's eight, Druid's default share). Submitting a config again replaces it: idempotent.
 */
final class DruidCompaction {

    private final String coordinatorUrl;
    private final PrintStream out;

    DruidCompaction(String coordinatorUrl, PrintStream out) {
        this.coordinatorUrl = coordinatorUrl;
        this.out = out;
    }

    void submit(List<CompactionConfig> configs) throws DeployException {
        for (CompactionConfig config : configs) {
            try {
                Rest.postJson(coordinatorUrl + "/druid/coordinator/v1/config/compaction", config.json());
            } catch (DeployException e) {
                throw new DeployException("the Druid coordinator refused the compaction config of "
                        + config.datasource() + ": " + e.getMessage(), e);
            }
        }
        out.println("  druid: auto-compaction of settled days for "
                + String.join(", ", configs.stream().map(CompactionConfig::datasource).toList()));
    }
}
