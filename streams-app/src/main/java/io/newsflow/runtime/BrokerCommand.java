package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow broker [--data-dir DIR]}: a single-node Kafka broker (KRaft, in this JVM) on
 * {@code broker.port} with the pipeline's topics created, for running producers and the topology as
 * separate processes without installing Kafka. Runs until Ctrl-C.
 *
 * <p>The topics are created by {@link TopicBootstrap#ensureAll} from the same configuration the app
 * reads, so {@code --config config/latency-first.properties broker} creates the one-partition
 * articles topic that profile needs: give {@code broker} the same {@code --config}/{@code --set} as
 * {@code run}. With a data directory ({@code --data-dir} or {@code broker.data.dir}) the broker keeps
 * its topics, offsets and transactions across restarts; without, its log is temporary.
 */
@Command(name = "broker",
        description = {"Run a single-node Kafka broker (KRaft) on broker.port (--set broker.port=N) with the pipeline "
                + "topics, until Ctrl-C.",
                "Give it the same --config/--set as `run`, so that the topics it creates fit the profile."})
public final class BrokerCommand implements CliCommand {

    public static final String PORT = "broker.port";
    /** Empty: a temporary log directory, deleted on exit. */
    public static final String DATA_DIR = "broker.data.dir";

    private final Supplier<StopSignal> stopSignal;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "keep topics, offsets and transactions here across restarts (broker.data.dir); "
                    + "default: a temporary directory, deleted on exit")
    private Path dataDirOption;

    public BrokerCommand() {
        this(ShutdownSignal::register);
    }

    /** @param stopSignal what to wait for once the broker is up (Ctrl-C by default; tests pass their own) */
    public BrokerCommand(Supplier<StopSignal> stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public int run(AppConfig config, PrintStream out) throws Exception {
        AppConfig effective = withDataDirOption(config);
        int port = effective.getInt(PORT);
        Optional<Path> dataDir = dataDir(effective);
        try (StopSignal signal = stopSignal.get();
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir.orElse(null))) {
            AppConfig onBroker = effective.with(KafkaEnvironment.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            TopicBootstrap.Result topics = TopicBootstrap.ensureAll(broker.bootstrapServers(), onBroker);
            topics.warnings().forEach(w -> out.println("warning: " + w));
            SchemaPolicy.applyIfKafkaBacked(onBroker, out);
            out.println("Kafka broker (KRaft, single node) running at " + broker.bootstrapServers());
            out.println("Topics: " + String.join(", ", Topics.all()) + " ("
                    + topics.created().size() + " created, " + topics.existing().size() + " existing)");
            out.println("Point other commands at it: " + AppConfig.envName("bootstrap.servers") + "="
                    + broker.bootstrapServers() + " or --set bootstrap.servers=" + broker.bootstrapServers());
            out.println(dataDir.map(d -> "Press Ctrl-C to stop (data kept in " + broker.logDir() + ").")
                    .orElse("Press Ctrl-C to stop (data is deleted on exit; keep it with --data-dir DIR)."));
            out.flush();
            signal.await();
            out.println("Stopping the broker...");
            out.flush();
        }
        return 0;
    }

    /** The data directory configured for an embedded broker ({@code broker.data.dir}), if any. */
    static Optional<Path> dataDir(AppConfig config) {
        return config.getOptional(DATA_DIR).filter(d -> !d.isBlank()).map(Path::of);
    }

    private AppConfig withDataDirOption(AppConfig config) {
        if (dataDirOption == null) {
            return config;
        }
        if (dataDirOption.toString().isBlank()) {
            throw new UsageException("--data-dir needs a directory");
        }
        return config.with(DATA_DIR, dataDirOption.toString());
    }
}
