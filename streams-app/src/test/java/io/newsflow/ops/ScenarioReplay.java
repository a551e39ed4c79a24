package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import io.newsflow.ingest.IngestCli;
import io.newsflow.runtime.ConsumerLag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** The Meta bond-day scenario replayed through the app in a child JVM: publishing it, waiting until it is processed. */
final class ScenarioReplay {

    private ScenarioReplay() {
    }

    /** Publishes the whole scenario at once (asap) with {@code produce scenario}. */
    static void publish(String bootstrapServers, String registryUrl) {
        Map<String, Object> producer = new HashMap<>();
        producer.put("bootstrap.servers", bootstrapServers);
        producer.put("schema.registry.url", registryUrl);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new IngestCli().run(List.of("scenario", RepoFiles.path("scenarios/meta-bond-day").toString()),
                producer, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Until the app has committed every input and internal record, twice in a row a commit interval
     * apart: under exactly-once the outputs of those records are then committed too.
     */
    static void awaitEverythingProcessed(Admin admin, String appId, ChildApp app, long deadline, String name, Path log)
            throws Exception {
        int quietChecks = 0;
        while (quietChecks < 2) {
            assertTrue(app.isAlive(), name + ": the app exited; log " + log);
            assertTrue(System.nanoTime() < deadline, name + ": not processed in time; log " + log);
            Thread.sleep(1000);
            quietChecks = totalLag(admin, appId) == 0 ? quietChecks + 1 : 0;
        }
    }

    static long inputLag(Admin admin, String appId) throws Exception {
        return new ConsumerLag(admin).of(appId, Topics.INPUTS);
    }

    /** Records of the inputs, repartition topics and read-back scores not committed yet; MAX_VALUE while unknown. */
    static long totalLag(Admin admin, String appId) throws InterruptedException {
        try {
            List<String> topics = new ArrayList<>(Topics.INPUTS);
            admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(appId + "-") && t.endsWith("-repartition")).forEach(topics::add);
            topics.add(Topics.ARTICLE_SCORES); // read back by the ticker tasks
            return new ConsumerLag(admin).of(appId, topics);
        } catch (java.util.concurrent.ExecutionException e) {
            return Long.MAX_VALUE; // a topic the app creates is not served yet
        }
    }
}
