package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code newsflow broker}: a single-node Kafka broker (KRaft, in this JVM) on {@code broker.port}
 * with the pipeline's topics created, for running producers and the topology as separate processes
 * without installing Kafka. Runs until Ctrl-C; the log directory is temporary and deleted on exit.
 */
public final class BrokerCommand implements Command {

    public static final String PORT = "broker.port";

    private final Supplier<StopSignal> stopSignal;

    public BrokerCommand() {
        this(ShutdownSignal::register);
    }

    /** @param stopSignal what to wait for once the broker is up (Ctrl-C by default; tests pass their own) */
    public BrokerCommand(Supplier<StopSignal> stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String description() {
        return "Run a single-node Kafka broker (KRaft) on broker.port with the pipeline topics, until Ctrl-C";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("broker takes no arguments; set the port with --set " + PORT + "=N");
        }
        int port = config.getInt(PORT);
        int partitions = config.getInt(TopicBootstrap.PARTITIONS);
        try (StopSignal signal = stopSignal.get();
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port)) {
            broker.createTopics(Topics.all(), partitions);
            out.println("Kafka broker (KRaft, single node) running at " + broker.bootstrapServers());
            out.println("Topics (" + partitions + " partitions each): " + String.join(", ", Topics.all()));
            out.println("Point other commands at it: " + AppConfig.envName("bootstrap.servers") + "="
                    + broker.bootstrapServers() + " or --set bootstrap.servers=" + broker.bootstrapServers());
            out.println("Press Ctrl-C to stop (data is deleted on exit).");
            out.flush();
            signal.await();
            out.println("Stopping the broker...");
            out.flush();
        }
        return 0;
    }
}
