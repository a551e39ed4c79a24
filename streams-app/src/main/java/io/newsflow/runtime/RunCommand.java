package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code newsflow run}: the streams application against {@code bootstrap.servers} (an embedded
 * broker when empty), with the metrics endpoint, until Ctrl-C.
 */
public final class RunCommand implements Command {

    private final Supplier<StopSignal> stopSignal;

    public RunCommand() {
        this(ShutdownSignal::register);
    }

    public RunCommand(Supplier<StopSignal> stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String description() {
        return "Run the streams app against bootstrap.servers (embedded broker when empty) until Ctrl-C";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("run takes no arguments; configure it with --config/--set/NEWSFLOW_* variables");
        }
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
            signal.await();
            out.println("Stopping...");
        }
        return 0;
    }
}
