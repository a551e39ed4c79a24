package io.newsflow.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.MetricsServer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs scripts/e2e-prometheus.sh --external against a MetricsServer that exports the credit-equity
 * divergence gauge: a real Prometheus scrapes it (OpenMetrics negotiation included), evaluates the
 * repository's rules and the script must report the divergence alert as firing. The demo itself is not
 * needed for this part of the path.
 */
class E2ePrometheusScriptTest {

    @Test
    void scriptReportsTheDivergenceAlertFiringFromARealScrape() throws Exception {
        RequiredTool.require("prometheus");

        AtomicInteger divergence = new AtomicInteger(1);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (MetricsServer server = new MetricsServer(registry, () -> KafkaStreams.State.RUNNING,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start()) {
            Gauge.builder("newsflow.credit.equity.divergence", divergence, AtomicInteger::get)
                    .tag("issuer", "META").register(registry);

            ProcessBuilder script = new ProcessBuilder("bash", RepoFiles.path("scripts/e2e-prometheus.sh").toString(), "--external")
                    .redirectErrorStream(true);
            script.environment().put("METRICS_PORT", Integer.toString(server.port()));
            script.environment().put("TIMEOUT", "90");
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("script did not finish:\n" + output);
            }

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("FIRING"), output);
            assertTrue(output.contains("\"alertname\":\"NewsflowCreditEquityDivergence\""), output);
            assertTrue(output.contains("\"issuer\":\"META\""), output);
        } finally {
            registry.close();
        }
    }
}
