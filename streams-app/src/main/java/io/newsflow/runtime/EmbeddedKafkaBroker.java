package io.newsflow.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka 4.3 cluster in this JVM: one KRaft process in the combined
 * {@code broker,controller} role, the same code path as {@code bin/kafka-server-start.sh} with a
 * formatted {@code server.properties}. It exists so the demo and the integration tests need no
 * Docker and no installed Kafka.
 *
 * <p>Tuned for one node: internal topics (consumer offsets, transaction state, share state) have
 * replication factor 1 and min ISR 1, so Kafka Streams {@code exactly_once_v2} works, and the
 * initial consumer-group rebalance delay is 0 so tests do not wait three seconds per group.
 *
 * <p>Without a data directory the log directory is temporary: empty at start, deleted on close. With
 * one ({@link #start(int, Path)}) the log and KRaft metadata live there: the storage is formatted only
 * when the directory holds no {@code meta.properties} yet, so a restart (also after a crash) keeps its
 * cluster id, node id, topics, committed offsets and transaction state.
 *
 * <p>{@link #startSecured} makes the client listener the kind production clusters have
 * ({@link SaslSslListener}): SASL_SSL with SCRAM-SHA-512 users, a certificate signed by a CA made at
 * start, and the StandardAuthorizer, whose only super user is the broker itself (on its internal and
 * controller listeners); clients need ACLs for everything.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int BIND_ATTEMPTS = 3;

    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;
    private final boolean temporary;
    private final int port;
    private final KafkaRaftServer server;
    private final Admin admin;
    /** Null for the plaintext broker. */
    private final SaslSslListener secured;
    /** bootstrap.servers and security of a client that connects as the broker (the admin's own settings). */
    private final Map<String, Object> superUserConfig;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(Path logDir, boolean temporary, int port, KafkaRaftServer server, Admin admin,
            SaslSslListener secured, Map<String, Object> superUserConfig) {
        this.secured = secured;
        this.superUserConfig = Map.copyOf(superUserConfig);
        this.logDir = logDir;
        this.temporary = temporary;
        this.port = port;
        this.server = server;
        this.admin = admin;
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafkaBroker start() {
        return startWithRetry(true, 0, null);
    }

    /** Starts a broker on a free port that keeps its data in {@code dataDir} (see the class comment). */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return startWithRetry(true, 0, java.util.Objects.requireNonNull(dataDir, "dataDir"));
    }

    /** Starts a broker whose client listener is {@code 127.0.0.1:port}; the controller port is random. */
    public static EmbeddedKafkaBroker start(int port) {
        return start(port, null);
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} that keeps its data in {@code dataDir}, or in a
     * temporary directory when it is null.
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDir) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Broker port must be in 1..65535, was " + port);
        }
        // Checked up front: Kafka itself reports a taken port with pages of stack traces.
        if (portInUse(port)) {
            throw new IllegalStateException("Could not start the embedded Kafka broker on port " + port
                    + ": " + HOST + ":" + port + " is already in use");
        }
        return startWithRetry(false, port, dataDir);
    }

    /**
     * Starts a broker whose client listener is SASL_SSL ({@code listener}) on {@code port} (0 = a free
     * one), keeping its data in {@code dataDir} (null = temporary), with {@code listener}'s SCRAM users
     * created and able to log in. No ACL exists: grant them with {@link #createAcls}.
     */
    public static EmbeddedKafkaBroker startSecured(int port, Path dataDir, SaslSslListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? freePort() : port;
            try {
                EmbeddedKafkaBroker broker = startOnce(chosen, freePortOtherThan(chosen), dataDir, listener);
                try {
                    broker.createUsers();
                } catch (RuntimeException e) {
                    broker.close();
                    throw e;
                }
                return broker;
            } catch (IllegalStateException e) {
                if (!(attempt < BIND_ATTEMPTS && isBindFailure(e) && port == 0)) {
                    throw e;
                }
                log.warn("Embedded broker could not bind a port (attempt {}), retrying: {}", attempt, e.getMessage());
            }
        }
    }

    /**
     * A port found free can be taken by another process before the broker binds it. Such a bind
     * failure on a port we picked is retried with new ports; a given port that is in use is not.
     */
    private static EmbeddedKafkaBroker startWithRetry(boolean randomPort, int givenPort, Path dataDir) {
        for (int attempt = 1; ; attempt++) {
            int port = randomPort ? freePort() : givenPort;
            try {
                return startOnce(port, freePortOtherThan(port), dataDir, null);
            } catch (IllegalStateException e) {
                boolean retry = attempt < BIND_ATTEMPTS && isBindFailure(e) && (randomPort || !portInUse(port));
                if (!retry) {
                    throw e;
                }
                log.warn("Embedded broker could not bind a port (attempt {}), retrying: {}", attempt, e.getMessage());
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(int port, int controllerPort, Path dataDir, SaslSslListener secured) {
        long started = System.nanoTime();
        boolean temporary = dataDir == null;
        Path logDir = temporary ? createTempDir() : createDataDir(dataDir);
        KafkaRaftServer server = null;
        Admin admin = null;
        try {
            Properties properties = serverProperties(logDir, port, controllerPort);
            Map<String, Object> adminConfig = new java.util.HashMap<>(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port));
            if (secured != null) {
                int internalPort = freePortOtherThan(port, controllerPort);
                properties.putAll(secured.serverProperties(HOST, port, internalPort, controllerPort));
                adminConfig.putAll(secured.internalClientConfig(HOST + ":" + internalPort));
            }
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            boolean formatted = Files.exists(logDir.resolve(META_PROPERTIES));
            if (!formatted && !isEmpty(logDir)) {
                throw new IllegalStateException("Data directory " + logDir + " is neither empty nor a broker's"
                        + " (no " + META_PROPERTIES + "); refusing to format it");
            }
            if (!formatted) {
                format(config);
            }
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            Map<String, Object> superUserConfig = Map.copyOf(adminConfig);
            adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
            admin = Admin.create(adminConfig);
            awaitReady(admin);
            log.info("Embedded Kafka broker ready at {}:{} in {} ms (log dir {}{})", HOST, port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir,
                    temporary ? ", temporary" : formatted ? ", restarted with its data" : ", formatted");
            return new EmbeddedKafkaBroker(logDir, temporary, port, server, admin, secured, superUserConfig);
        } catch (Exception e) {
            closeQuietly(admin);
            stopQuietly(server);
            if (temporary) {
                deleteRecursively(logDir);
            }
            throw new IllegalStateException("Could not start the embedded Kafka broker on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static boolean portInUse(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The SASL_SSL listener's settings, when the broker was started with {@link #startSecured}. */
    public Optional<SaslSslListener> secured() {
        return Optional.ofNullable(secured);
    }

    /**
     * Settings of a client that connects as the broker itself (a super user, on the broker's internal
     * listener): for set-up and for tests' checks, never for the app.
     */
    public Map<String, Object> superUserClientConfig() {
        return new java.util.HashMap<>(superUserConfig);
    }

    /** Creates the ACLs (as the broker, a super user) and waits until the broker enforces them. */
    public void createAcls(Collection<org.apache.kafka.common.acl.AclBinding> bindings) {
        ensureOpen();
        try {
            admin.createAcls(bindings).all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).containsAll(bindings)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ACLs not in force after " + READY_TIMEOUT);
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create ACLs: " + e, e);
        }
    }

    /** Creates (or updates) the SCRAM users of the SASL_SSL listener and waits until each can log in. */
    private void createUsers() {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = secured.users().entrySet().stream()
                .map(u -> (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                        new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(u.getKey(),
                                new org.apache.kafka.clients.admin.ScramCredentialInfo(
                                        org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 8192), u.getValue()))
                .toList();
        try {
            admin.alterUserScramCredentials(upserts).all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (var user : secured.users().entrySet()) {
                Map<String, Object> config = new java.util.HashMap<>(secured.clientConfig(user.getKey(), user.getValue()));
                config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
                awaitLogin(config);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the SCRAM users: " + e, e);
        }
    }

    /** The broker learns new credentials from its metadata log a moment after the controller commits them. */
    private static void awaitLogin(Map<String, Object> config) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Admin user = Admin.create(config)) {
                user.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.SaslAuthenticationException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
    }

    /** Creates a topic with replication factor 1; a topic that exists already is left as it is. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(name), partitions);
    }

    /** Creates the topics that do not exist yet, and waits until every partition has a leader. */
    public void createTopics(Collection<String> names, int partitions) {
        ensureOpen();
        new TopicBootstrap(admin).ensureTopics(names, partitions, Optional.of((short) 1));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        closeQuietly(admin);
        stopQuietly(server);
        if (temporary) {
            deleteRecursively(logDir);
        }
        log.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers() + " is closed");
        }
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // One node: every internal topic must be satisfiable by a single replica.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the production default of 50: faster first group/transaction.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");

        // Small footprint: the log cleaner's 128 MiB dedupe buffer is far more than a demo needs.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        // A single broker shuts down at once; no point in waiting for partition leadership to move.
        p.put("controlled.shutdown.enable", "false");
        // Records carry their event time, and replayed scenarios are historical (2025): time-based
        // retention would delete them from the (temporary) log within the first retention check.
        p.put("log.retention.ms", "-1");
        // Every topic is created on purpose (TopicBootstrap, Kafka Streams' internal topics, _schemas). A topic
        // auto-created by a write has one partition: an app still writing for a moment after the cluster behind
        // its address was replaced by an empty one would leave changelogs and outputs that later break it.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** What {@code kafka-storage.sh format --standalone}-less formatting does for a static quorum. */
    private static void format(KafkaConfig config) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(config.logDirs())
                .setMetadataLogDirectory(config.metadataLogDir())
                .setControllerListenerName(config.controllerListenerNames().get(0))
                // Transactions v2 (KIP-890) on a fresh single node livelocked Kafka Streams exactly_once_v2
                // here (CONCURRENT_TRANSACTIONS, then endless retriable OUT_OF_ORDER_SEQUENCE on new
                // changelog partitions). Version 1 is the protocol every 3.x cluster runs and is fully
                // supported by 4.3 clients.
                .setFeatureLevel("transaction.version", (short) 1)
                .run();
    }

    /** The broker is ready when it answers an Admin call and is registered (unfenced). */
    private static void awaitReady(Admin admin) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Broker not ready within " + READY_TIMEOUT, last);
    }

    /**
     * A free port other than {@code taken} (ports chosen for the broker's other listeners and not bound yet: the
     * system may hand out a port again as soon as its probe socket is closed).
     */
    private static int freePortOtherThan(int... taken) {
        while (true) {
            int port = freePort();
            if (java.util.Arrays.stream(taken).noneMatch(t -> t == port)) {
                return port;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("newsflow-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary log directory", e);
        }
    }

    private static Path createDataDir(Path dataDir) {
        try {
            return Files.createDirectories(dataDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker data directory " + dataDir, e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Where the log and metadata are kept. */
    public Path logDir() {
        return logDir;
    }

    private static void closeQuietly(Admin admin) {
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("Closing the admin client failed: {}", e.toString());
            }
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Embedded broker shutdown failed: {}", e.toString());
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
