package dev.pulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.stack.LocalStack;
import dev.pulse.stack.deploy.PipelineDeploy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Shared steps of the pipeline tests: the deployed pipeline, run tags, the state of the Flink jobs. */
final class Pipeline {

    static final List<String> JOBS = List.of(PipelineDeploy.CLEAN_JOB, PipelineDeploy.ROLLUP_JOB);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Pipeline() {
    }

    /** What ./pulse up does after the engines: idempotent, so a stack started earlier gets the jobs too. */
    static void ensureDeployed() {
        assertThat(LocalStack.discover().deployPipeline(System.out)).as("pipeline deployed").isTrue();
    }

    static String newTag() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until every Pulse job is RUNNING with all its tasks running (not just scheduled). */
    static void awaitJobsRunning(String flinkRestUrl, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            String overview = get(flinkRestUrl + "/jobs/overview");
            last = overview;
            boolean all = true;
            for (String job : JOBS) {
                all &= overview.matches("(?s).*\"name\":\"" + job + "\",[^}]*\"state\":\"RUNNING\".*")
                        && tasksRunning(overview, job);
            }
            if (all) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the Pulse Flink jobs did not all run within " + timeout + ": " + last);
    }

    private static boolean tasksRunning(String overview, String job) {
        // "tasks":{"running":N,...,"total":N} inside the job's entry
        int at = overview.indexOf("\"name\":\"" + job + "\"");
        int tasks = overview.indexOf("\"tasks\":{", at);
        String block = overview.substring(tasks, overview.indexOf('}', tasks));
        String running = block.replaceAll(".*\"running\":(\\d+).*", "$1");
        String total = block.replaceAll(".*\"total\":(\\d+).*", "$1");
        return running.equals(total);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
