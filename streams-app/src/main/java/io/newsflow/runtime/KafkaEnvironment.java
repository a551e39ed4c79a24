package io.newsflow.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.config.AppConfig;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.RegistryBackend;
import io.newsflow.serde.registry.SchemaRegistryClients;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Kafka cluster and schema registry the app talks to: the configured ones, or in-process ones
 * when none is configured (the zero-set-up default; the embedded broker keeps its data in
 * {@code broker.data.dir} when set). A registry this process holds ({@code kafka://}, the default,
 * kept in the cluster's {@code _newsflow_schemas} topic, or {@code mock://scope}) is also served over the
 * Schema Registry REST API, so that tools outside this JVM (kcat, Confluent's deserializer) can read
 * the topics. Creating the topics also sets the input subjects' compatibility ({@link SchemaPolicy}).
 */
public final class KafkaEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEnvironment.class);

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String REGISTRY_SERVER_PORT = "registry.server.port";
    public static final String REGISTRY_SERVER_HOST = "registry.server.host";

    private final EmbeddedKafkaBroker broker;
    private final RegistryBackend servedRegistry;
    private final EmbeddedSchemaRegistryServer registryServer;
    private final AppConfig config;

    private KafkaEnvironment(EmbeddedKafkaBroker broker, RegistryBackend servedRegistry,
            EmbeddedSchemaRegistryServer registryServer, AppConfig config) {
        this.broker = broker;
        this.servedRegistry = servedRegistry;
        this.registryServer = registryServer;
        this.config = config;
    }

    /** Starts what is missing and creates the pipeline topics (idempotently). */
    public static KafkaEnvironment start(AppConfig config, PrintStream out) {
        EmbeddedKafkaBroker broker = null;
        RegistryBackend servedRegistry = null;
        EmbeddedSchemaRegistryServer registryServer = null;
        try {
            Optional<String> configured = config.getOptional(BOOTSTRAP_SERVERS);
            String bootstrap;
            if (configured.isPresent()) {
                bootstrap = configured.get();
            } else {
                Optional<Path> dataDir = BrokerCommand.dataDir(config);
                broker = dataDir.map(EmbeddedKafkaBroker::start).orElseGet(EmbeddedKafkaBroker::start);
                bootstrap = broker.bootstrapServers();
                out.println("Embedded Kafka broker (KRaft) at " + bootstrap
                        + dataDir.map(d -> ", data in " + d).orElse(""));
            }
            AppConfig effective = config.with(BOOTSTRAP_SERVERS, bootstrap);
            try {
                TopicBootstrap.ensureAll(bootstrap, effective).warnings().forEach(w -> out.println("warning: " + w));
                ClusterAccess.check(effective); // before anything is written
                SchemaPolicy.apply(effective, out);
            } catch (RuntimeException e) {
                throw ClusterAccess.translate(e, effective).orElseThrow(() -> e);
            }

            String registryUrl = AvroSerdes.registryUrl(effective);
            int port = effective.getInt(REGISTRY_SERVER_PORT);
            if (port >= 0) {
                servedRegistry = SchemaRegistryClients.backend(new AvroSerdeConfig(AvroSerdes.registryConfig(effective)))
                        .orElse(null);
            }
            if (servedRegistry != null) {
                String host = effective.getString(REGISTRY_SERVER_HOST);
                RegistryBackend served = servedRegistry;
                registryServer = ApiAccessSettings.registryWriters(effective)
                        .map(writers -> EmbeddedSchemaRegistryServer.startWithWriteTokens(host, port, served, writers))
                        .orElseGet(() -> EmbeddedSchemaRegistryServer.start(host, port, served));
                out.println("Schema registry (REST API over " + registryUrl + ") at " + registryServer.url());
            }
            return new KafkaEnvironment(broker, servedRegistry, registryServer, effective);
        } catch (RuntimeException e) {
            closeQuietly(registryServer);
            closeQuietly(servedRegistry);
            closeQuietly(broker);
            throw e;
        }
    }

    /** The configuration with {@code bootstrap.servers} set to the cluster in use. */
    public AppConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.getString(BOOTSTRAP_SERVERS);
    }

    /** The registry's HTTP URL for clients outside this JVM, when one is served. */
    public Optional<String> registryHttpUrl() {
        return Optional.ofNullable(registryServer).map(EmbeddedSchemaRegistryServer::url);
    }

    @Override
    public void close() {
        closeQuietly(registryServer);
        closeQuietly(servedRegistry);
        closeQuietly(broker);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
