package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--sasl-ssl",
            description = "make the client listener SASL_SSL, as production clusters are: SCRAM-SHA-512 logins of the "
                    + "--user users, TLS with a certificate signed by a CA made at start (clients trust "
                    + "<tls-dir>/truststore.p12), the StandardAuthorizer, and for each user the ACLs of "
                    + "docs/operations.md#acls; prints the client settings and writes them to <tls-dir>/client-<user>.properties")
    private boolean saslSsl;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "a SCRAM-SHA-512 user of the --sasl-ssl listener (repeatable); default newsflow with a random password")
    private List<String> users = new ArrayList<>();

    @Option(names = "--tls-dir", paramLabel = "DIR",
            description = "where --sasl-ssl writes its key stores and client settings; default <data-dir>/tls, or a "
                    + "temporary directory")
    private Path tlsDirOption;

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
        if (!saslSsl && (!users.isEmpty() || tlsDirOption != null)) {
            throw new UsageException("--user and --tls-dir configure the --sasl-ssl listener: add --sasl-ssl");
        }
        Map<String, String> logins = saslSsl ? logins() : Map.of();
        try (StopSignal signal = stopSignal.get();
             EmbeddedKafkaBroker broker = saslSsl
                     ? EmbeddedKafkaBroker.startSecured(port, dataDir.orElse(null),
                             new SaslSslListener(TlsFiles.generate(tlsDir(dataDir)), logins))
                     : EmbeddedKafkaBroker.start(port, dataDir.orElse(null))) {
            AppConfig onBroker = effective.with(KafkaEnvironment.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            if (saslSsl) {
                // set-up as the broker itself; the users get the ACLs the app needs, no more
                onBroker = effective.with(stringValues(broker.superUserClientConfig()));
                for (String user : logins.keySet()) {
                    broker.createAcls(RequiredAcls.all(effective.with(KafkaEnvironment.BOOTSTRAP_SERVERS,
                            broker.bootstrapServers())).stream().map(acl -> acl.binding("User:" + user)).toList());
                }
            }
            TopicBootstrap.Result topics = TopicBootstrap.ensureAll(onBroker.getString(KafkaEnvironment.BOOTSTRAP_SERVERS), onBroker);
            topics.warnings().forEach(w -> out.println("warning: " + w));
            SchemaPolicy.applyIfKafkaBacked(onBroker, out);
            out.println("Kafka broker (KRaft, single node) running at " + broker.bootstrapServers());
            out.println("Topics: " + String.join(", ", Topics.all()) + " ("
                    + topics.created().size() + " created, " + topics.existing().size() + " existing)");
            out.println("Point other commands at it: " + AppConfig.envName("bootstrap.servers") + "="
                    + broker.bootstrapServers() + " or --set bootstrap.servers=" + broker.bootstrapServers());
            if (saslSsl) {
                printClientSettings(broker, logins, out);
            }
            out.println(dataDir.map(d -> "Press Ctrl-C to stop (data kept in " + broker.logDir() + ").")
                    .orElse("Press Ctrl-C to stop (data is deleted on exit; keep it with --data-dir DIR)."));
            out.flush();
            signal.await();
            out.println("Stopping the broker...");
            out.flush();
        }
        return 0;
    }

    private Map<String, String> logins() {
        Map<String, String> logins = new LinkedHashMap<>();
        if (users.isEmpty()) {
            logins.put("newsflow", HexFormat.of().formatHex(new SecureRandom().generateSeed(9)));
        }
        for (String user : users) {
            int colon = user.indexOf(':');
            if (colon <= 0 || colon == user.length() - 1) {
                throw new UsageException("--user needs NAME:PASSWORD, got '" + user + "'");
            }
            logins.put(user.substring(0, colon), user.substring(colon + 1));
        }
        return logins;
    }

    private Path tlsDir(Optional<Path> dataDir) {
        if (tlsDirOption != null) {
            return tlsDirOption;
        }
        if (dataDir.isPresent()) {
            return dataDir.get().resolveSibling(dataDir.get().getFileName() + "-tls");
        }
        try {
            Path dir = Files.createTempDirectory("newsflow-tls-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the TLS files", e);
        }
    }

    /** Each user's client settings, printed and written as a properties file for --config. */
    private static void printClientSettings(EmbeddedKafkaBroker broker, Map<String, String> logins, PrintStream out) {
        SaslSslListener listener = broker.secured().orElseThrow();
        for (Map.Entry<String, String> login : logins.entrySet()) {
            StringBuilder properties = new StringBuilder("bootstrap.servers=" + broker.bootstrapServers() + "\n");
            listener.clientConfig(login.getKey(), login.getValue())
                    .forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
            Path file = listener.tls().trustStore().resolveSibling("client-" + login.getKey() + ".properties");
            try {
                Files.writeString(file, properties.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
            out.println("SASL_SSL user '" + login.getKey() + "' (SCRAM-SHA-512, the ACLs of docs/operations.md#acls):"
                    + " --config " + file);
        }
    }

    private static Map<String, String> stringValues(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
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
