package io.newsflow.runtime;

import io.newsflow.api.ApiAccess;
import io.newsflow.api.ApiServer;
import io.newsflow.api.ApiTls;
import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.config.Topics;
import io.newsflow.metrics.AppMeterRegistry;
import io.newsflow.metrics.Degradations;
import io.newsflow.metrics.MetricsRegistryFactory;
import io.newsflow.metrics.MetricsServer;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.runtime.errors.DeadLetterSizeLimit;
import io.newsflow.runtime.errors.ErrorDeadLetters;
import io.newsflow.runtime.errors.ErrorHandlers;
import io.newsflow.runtime.errors.FailedRecords;
import io.newsflow.runtime.errors.FencedThreads;
import io.newsflow.runtime.errors.ProgressMonitor;
import io.newsflow.runtime.errors.RefusalAwareClientSupplier;
import io.newsflow.runtime.errors.RefusedWrites;
import io.newsflow.runtime.errors.RegistryWarmUp;
import io.newsflow.runtime.errors.ThreadFailures;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.NewsflowTopology;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.article.ArticleAnalysis;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.InputLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.LoggerFactory;

/**
 * The running streams application: the topology wired with its collaborators from configuration,
 * its Kafka Streams client, the Prometheus endpoint ({@code /metrics}, {@code /health},
 * {@code /ready}) and the query API with the live page ({@link ApiServer}, docs/api.md). Used by
 * {@code run} and {@code demo}.
 */
public final class NewsflowApp implements AutoCloseable {

    public static final String METRICS_PORT = "metrics.port";
    public static final String METRICS_HOST = "metrics.host";
    public static final String API_PORT = "api.port";
    public static final String API_HOST = "api.host";
    public static final String API_ADVERTISED_HOST = "api.advertised.host";

    private final KafkaStreams streams;
    private final AppMeterRegistry meters;
    private final AppMeterRegistry.KafkaStreamsBinding binding;
    private final MetricsServer metricsServer;
    private final ProgressMonitor progress;
    private final Path temporaryStateDir;
    private final ApiServer apiServer;
    /** Closed after the streams: they hold registry clients (a {@code kafka://} one keeps a producer). */
    private final TopologySerdes serdes;
    private final ClusterWatch clusterWatch;
    private final CompletableFuture<String> clusterChange;

    private NewsflowApp(KafkaStreams streams, AppMeterRegistry meters, AppMeterRegistry.KafkaStreamsBinding binding,
            MetricsServer metricsServer, ProgressMonitor progress, Path temporaryStateDir, ApiServer apiServer,
            TopologySerdes serdes, ClusterWatch clusterWatch, CompletableFuture<String> clusterChange) {
        this.clusterWatch = clusterWatch;
        this.clusterChange = clusterChange;
        this.apiServer = apiServer;
        this.serdes = serdes;
        this.streams = streams;
        this.progress = progress;
        this.meters = meters;
        this.binding = binding;
        this.metricsServer = metricsServer;
        this.temporaryStateDir = temporaryStateDir;
    }

    /** @param config configuration with {@code bootstrap.servers} set (see {@link KafkaEnvironment}) */
    public static NewsflowApp start(AppConfig config) throws IOException {
        Map<String, String> settings = new HashMap<>();
        config.asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));

        AppMeterRegistry meters = MetricsRegistryFactory.create(config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        PipelineMetrics metrics = new PipelineMetrics(meters.registry(), config.getList("metrics.tracked.symbols"),
                config.getInt("metrics.max.deals"));
        TextAnalysis text = TextAnalysis.fromConfig(config.asMap());
        new ArticleAnalysis(text.entityResolver(), text.sentimentScorer(), 1, Duration.ZERO).warmUp();
        Degradations degradations = new Degradations().bindTo(meters.registry());
        CompletableFuture<String> clusterChange = new CompletableFuture<>();
        TopologySerdes serdes = serdes(config);
        Path temporaryStateDir = config.getOptional(StreamsConfig.STATE_DIR_CONFIG).isPresent() ? null : tempDir();
        Properties streamsProps = streamsProperties(config, temporaryStateDir);
        InputLimits limits = InputLimits.fromMap(settings).withDeadLetterMaxBytesAtMost(
                DeadLetterSizeLimit.of(streamsProps, adminProperties(config)));
        TopologySettings topologySettings = TopologySettings.fromMap(settings);
        Topology topology = new NewsflowTopology(topologySettings, limits, text.entityResolver(),
                text.sentimentScorer(), text.fingerprinter(), metrics, serdes, degradations).build();

        FailedRecords failedRecords = new FailedRecords();
        RefusedWrites refusedWrites = new RefusedWrites();
        ErrorHandlers.install(streamsProps, new ErrorDeadLetters(new DeadLetters(metrics, limits.deadLetterMaxBytes()),
                serdes.deadLetter().serializer(), metrics), failedRecords, refusedWrites);
        // The API binds first: the client advertises its port (application.server) to the other instances.
        ApiServer api = startApi(config);
        HostInfo self = null;
        if (api != null) {
            self = new HostInfo(config.getString(API_ADVERTISED_HOST), api.port());
            streamsProps.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        }
        // its producer does not send again a result refused before: the handler dead-letters it instead
        KafkaStreams streams = new KafkaStreams(topology, streamsProps, new RefusalAwareClientSupplier(refusedWrites,
                new FencedThreads(degradations).bindTo(meters.registry())));
        if (api != null) {
            api.attach(streams, self, topologySettings);
        }
        // Bad records are dead-lettered inside the topology or by the error handlers; an exception
        // escaping them is an infrastructure failure (the schema registry down...), after which a
        // fresh thread resumes from the last commit, after a back-off.
        streams.setUncaughtExceptionHandler(new ThreadFailures(degradations, failedRecords).bindTo(meters.registry()));
        AppMeterRegistry.KafkaStreamsBinding binding = meters.bindKafkaStreams(streams);
        MetricsServer server;
        try {
            // a new cluster behind the address: DOWN (the app is about to exit for a supervisor to restart it)
            server = new MetricsServer(meters.registry(),
                    () -> clusterChange.isDone() ? KafkaStreams.State.PENDING_ERROR : streams.state(), degradations,
                    new InetSocketAddress(config.getString(METRICS_HOST), config.getInt(METRICS_PORT))).start();
        } catch (IOException | RuntimeException e) {
            binding.close();
            streams.close();
            serdes.close();
            meters.close();
            if (api != null) {
                api.close();
            }
            throw new IOException("Cannot serve metrics on port " + config.getInt(METRICS_PORT)
                    + " (set " + METRICS_PORT + "): " + e.getMessage(), e);
        }
        ClusterWatch clusterWatch = ClusterWatch.atStart(Admin.create(adminProperties(config)),
                config.getString(StreamsConfig.APPLICATION_ID_CONFIG),
                Path.of(streamsProps.getProperty(StreamsConfig.STATE_DIR_CONFIG)),
                change -> {
                    System.err.println(change);
                    degradations.report("kafka-cluster", change);
                    clusterChange.complete(change);
                },
                stateFromAnotherCluster -> {
                    System.err.println(stateFromAnotherCluster);
                    streams.cleanUp(); // before start: nothing restored against another cluster's changelogs
                });
        ProgressMonitor progress = new ProgressMonitor(Admin.create(adminProperties(config)),
                config.getString(StreamsConfig.APPLICATION_ID_CONFIG), Topics.INPUTS,
                config.getDuration(ProgressMonitor.STALL_AFTER), degradations).start();
        RegistryWarmUp.awaitDeadLetterSchema(serdes.deadLetter().serializer(), degradations);
        StandbyReplicas.explain(config);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.REBALANCING) {
                clusterWatch.checkSoon(); // a group that rejoins may have found a new cluster
            }
        });
        streams.start();
        clusterWatch.start(config.getDuration(ClusterWatch.CHECK_INTERVAL));
        return new NewsflowApp(streams, meters, binding, server, progress, temporaryStateDir, api, serdes,
                clusterWatch, clusterChange);
    }

    /** The query API and live page on {@code api.port} (0 = a free port), or none when it is -1. */
    private static ApiServer startApi(AppConfig config) throws IOException {
        int port = config.getInt(API_PORT);
        if (port < 0) {
            return null;
        }
        String host = config.getString(API_HOST);
        ApiAccess access = ApiAccessSettings.access(config, host);
        String peerSecret = ApiAccessSettings.peerSecret(config).orElse(null);
        ApiTls tls = ApiAccessSettings.tls(config).orElse(null);
        try {
            return ApiServer.start(host, port, access, peerSecret, tls);
        } catch (RuntimeException e) {
            throw new IOException("Cannot serve the query API on port " + port + " (set " + API_PORT + "): "
                    + e.getMessage(), e);
          }
    }

    static Properties streamsProperties(AppConfig config, Path temporaryStateDir) {
        Properties props = new Properties();
        props.putAll(KafkaClientConfig.streams(config));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(KafkaEnvironment.BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getString(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getString(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
        props.put(StreamsConfig.STATE_DIR_CONFIG, temporaryStateDir != null
                ? temporaryStateDir.toString() : config.getString(StreamsConfig.STATE_DIR_CONFIG));
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // The topology has no global store; enabled (Kafka 5.0's default), the processing exception
        // handler would cover one too, and Streams stops warning at every StreamsConfig that it does not.
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        return props;
    }

    private static Properties adminProperties(AppConfig config) {
        Properties props = new Properties();
        props.putAll(KafkaClientConfig.admin(config));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-progress");
        return props;
    }

    private static TopologySerdes serdes(AppConfig config) {
        return new TopologySerdes(AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config),
                AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config),
                AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config),
                AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config),
                AvroSerdes.valueSerde(config), AvroSerdes.valueSerde(config));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("newsflow-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary state directory", e);
        }
    }

    /**
     * Completed, with the one line said, when the Kafka cluster behind the address is a new one
     * ({@link ClusterWatch}): the caller should stop the app and exit non-zero.
     */
    public CompletableFuture<String> clusterChange() {
        return clusterChange;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port of the query API and live page, or -1 when {@code api.port} is -1. */
    public int apiPort() {
        return apiServer == null ? -1 : apiServer.port();
    }

    public int metricsPort() {
        return metricsServer.port();
    }

    public AppMeterRegistry meters() {
        return meters;
    }

    /** Waits until the client is RUNNING; false on timeout or when it failed. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() {
        if (streams.close(Duration.ofSeconds(30))) {
            serdes.close(); // only once no stream thread can use them any more
        }
        progress.close();
        clusterWatch.close();
        binding.close();
        metricsServer.close();
        if (apiServer != null) {
            apiServer.close();
        }
        meters.close();
        if (temporaryStateDir != null) {
            deleteRecursively(temporaryStateDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LoggerFactory.getLogger(NewsflowApp.class).warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
