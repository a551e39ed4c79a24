package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * {@code newsflow run}: the streams application against {@code bootstrap.servers} (an embedded
 * broker when empty), with the metrics endpoint, until Ctrl-C.
 */
@Command(name = "run",
        description = {"Run the streams app against bootstrap.servers (embedded broker when empty) until Ctrl-C",
                "It serves /metrics, the query API and the registry's REST face. Configure it with --config, --set "
                        + "or NEWSFLOW_* variables."})
public final class RunCommand implements CliCommand {

    private final Supplier<StopSignal> stopSignal;

    public RunCommand() {
        this(ShutdownSignal::register);
    }

    public RunCommand(Supplier<StopSignal> stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public int run(AppConfig config, PrintStream out) throws Exception {
        try (StopSignal signal = stopSignal.get();
             KafkaEnvironment env = KafkaEnvironment.start(config, out);
             NewsflowApp app = NewsflowApp.start(env.config())) {
            out.println("Metrics at http://localhost:" + app.metricsPort() + "/metrics (health: /health, /ready)");
            if (app.apiPort() >= 0) {
                out.println("Query API at http://localhost:" + app.apiPort() + "/api/v1 (live page: /)");
            }
            out.println(app.awaitRunning(Duration.ofMinutes(2))
                    ? "Kafka Streams is RUNNING. Press Ctrl-C to stop."
                    : "Kafka Streams is " + app.state() + " (see the log); still serving /health. Ctrl-C stops.");
            out.flush();
            String clusterChange = awaitStopOrClusterChange(signal, app);
            if (clusterChange != null) {
                out.println("Stopping: " + clusterChange);
                return Main.FAILED; // non-zero: a supervisor restarts the app, which starts on the new cluster
            }
            out.println("Stopping...");
        }
        return 0;
    }

    /** Null on Ctrl-C; the line said when the Kafka cluster behind the address is a new one. */
    private static String awaitStopOrClusterChange(StopSignal signal, NewsflowApp app) throws Exception {
        CompletableFuture<String> stop = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                signal.await();
                stop.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-stop-signal");
        waiter.setDaemon(true);
        waiter.start();
        app.clusterChange().thenAccept(stop::complete);
        try {
            return stop.get();
        } finally {
            waiter.interrupt();
        }
    }
}
