package io.newsflow.serde.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry whose state lives in a compacted, one-partition Kafka topic ({@code _schemas} by
 * default), as Confluent Schema Registry keeps it, in the same record format
 * ({@link SchemasTopicFormat}). On open it reads the topic to its end before answering, so ids and
 * versions survive any restart or crash of the process; every instance over the same topic (in this
 * or other processes) sees the same state.
 *
 * <p><b>One writer at a time.</b> Confluent elects a leader that alone allocates ids. Here every
 * instance may write, but only inside a Kafka transaction of the one shared {@code transactional.id}
 * {@code <topic>-writer}: initialising a producer with it fences every other instance's producer.
 * A registration catches up with the topic after its producer was initialised, decides the id and
 * version from that state, and commits. A commit succeeds only if no other instance initialised its
 * producer since, and any commit of another instance before that point is in what was read (the
 * coordinator completes or aborts a pending transaction before fencing it). So two instances never
 * give one id to two schemas nor one version to two ids; the fenced one starts again, and finds the
 * schema already registered or takes the next id. Readers use {@code read_committed}, and a record
 * that does not follow the state (which this protocol never writes) is skipped by every reader alike.
 *
 * <p>Reads are served from memory; an unknown id, subject or version first catches up with the
 * topic, as do the listings and compatibility questions, so they see other instances' writes.
 */
public final class KafkaSchemaRegistry implements RegistryBackend {

    public static final String SCHEME = "kafka://";
    /**
     * newsflow's own topic, not Confluent's default {@code _schemas} ({@code kafkastore.topic}): two id
     * allocators on one topic would give one id to two schemas. {@code kafka:///_schemas} asks for it.
     */
    public static final String DEFAULT_TOPIC = "_newsflow_schemas";

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaRegistry.class);
    private static final int WRITE_ATTEMPTS = 10;
    private static final Map<String, KafkaSchemaRegistry> SHARED = new HashMap<>();

    private final String bootstrapServers;
    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    /** Connection settings of every client (security.protocol, sasl.*, ssl.*...), under Kafka's names. */
    private final Map<String, Object> clientConfigs;
    private final InMemorySchemaRegistry state = new InMemorySchemaRegistry();
    private final KafkaConsumer<byte[], byte[]> reader;
    private KafkaProducer<byte[], byte[]> writer;
    /** Guarded by the class: how many holders of the shared instance have not closed it yet. */
    private int holders = 1;
    private boolean closed;

    private KafkaSchemaRegistry(String bootstrapServers, String topic, Duration timeout,
            Map<String, ?> clientConfigs) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.clientConfigs = Map.copyOf(clientConfigs);
        Map<String, Object> readerConfig = clientConfig();
        readerConfig.putAll(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + topic,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(timeout)));
        this.reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A fresh map of the connection settings with bootstrap.servers: the base of every client's config. */
    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientConfigs);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /**
     * An instance of its own over the topic (created compacted with one partition when missing),
     * caught up with it. Close it when done.
     */
    public static KafkaSchemaRegistry open(String bootstrapServers, String topic, Duration timeout) {
        return open(bootstrapServers, topic, timeout, Map.of());
    }

    /**
     * As {@link #open(String, String, Duration)}, its clients configured with {@code clientConfigs}
     * (Kafka's key names: {@code security.protocol}, {@code sasl.*}, {@code ssl.*}...).
     */
    public static KafkaSchemaRegistry open(String bootstrapServers, String topic, Duration timeout,
            Map<String, ?> clientConfigs) {
        KafkaSchemaRegistry registry = new KafkaSchemaRegistry(bootstrapServers, topic, timeout, clientConfigs);
        try {
            registry.ensureTopic();
            registry.reader.assign(List.of(registry.partition));
            registry.reader.seekToBeginning(List.of(registry.partition));
            synchronized (registry) {
                registry.catchUp();
            }
            log.info("Schema registry on topic '{}' at {} restored {} subjects", topic, bootstrapServers,
                    registry.state.subjects().size());
            return registry;
        } catch (RuntimeException e) {
            registry.release();
            throw e;
        }
    }

    /**
     * The instance shared in this JVM for {@code kafka://host:port[,host:port...][/topic]}, as
     * {@code mock://scope} shares one per scope: every serde configured with the URL uses it. Each
     * call must be matched by a {@link #close()}; the last one closes the Kafka clients.
     */
    public static KafkaSchemaRegistry shared(String url, Duration timeout) {
        return shared(url, timeout, Map.of());
    }

    /** As {@link #shared(String, Duration)}; {@code clientConfigs} configure the clients when it is opened. */
    public static KafkaSchemaRegistry shared(String url, Duration timeout, Map<String, ?> clientConfigs) {
        Location location = Location.parse(url);
        String key = location.bootstrapServers() + "/" + location.topic();
        synchronized (SHARED) {
            KafkaSchemaRegistry registry = SHARED.get(key);
            if (registry == null) {
                registry = open(location.bootstrapServers(), location.topic(), timeout, clientConfigs);
                SHARED.put(key, registry);
            } else {
                registry.holders++;
            }
            return registry;
        }
    }

    /** The transactional id every writer of the registry topic uses (one writer at a time, see the class comment). */
    public static String writerTransactionalId(String topic) {
        return topic + "-writer";
    }

    /** The cluster and topic of a {@code kafka://} registry URL. */
    public record Location(String bootstrapServers, String topic) {

        public static Location parse(String url) {
            if (url == null || !url.startsWith(SCHEME)) {
                throw new IllegalArgumentException("Not a kafka:// registry URL: '" + url + "'");
            }
            String rest = url.substring(SCHEME.length());
            int slash = rest.indexOf('/');
            String servers = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            if (servers.isBlank()) {
                throw new IllegalArgumentException("Registry URL '" + url + "' names no Kafka cluster: expected "
                        + SCHEME + "host:port[,host:port...][/topic]");
            }
            return new Location(servers, path.isBlank() ? DEFAULT_TOPIC : path);
        }

        public String url() {
            return SCHEME + bootstrapServers + "/" + topic;
        }
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<Integer> known = state.registeredId(subject, schema);
        if (known.isPresent()) {
            return known.get();
        }
        write("registering a schema under subject '" + subject + "'", () -> {
            Optional<Integer> meanwhile = state.registeredId(subject, schema);
            if (meanwhile.isPresent()) {
                return null;
            }
            InMemorySchemaRegistry.Registration next = state.nextRegistration(subject, schema);
            return new ProducerRecord<>(topic, SchemasTopicFormat.schemaKey(subject, next.version()),
                    SchemasTopicFormat.schemaValue(next));
        });
        return state.registeredId(subject, schema).orElseThrow(() -> new SchemaRegistryException(
                SchemaRegistryException.INTERNAL, "Registration under subject '" + subject
                        + "' was committed to topic '" + topic + "' but is not in it"));
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        return withCatchUpOnMiss(() -> state.getSchemaById(id));
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        return withCatchUpOnMiss(() -> state.lookup(subject, schema));
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        catchUp();
        return state.latest(subject);
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version) {
        return withCatchUpOnMiss(() -> state.version(subject, version));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return violations(subject, schema).isEmpty();
    }

    @Override
    public synchronized List<String> violations(String subject, Schema schema) {
        catchUp();
        return state.violations(subject, schema);
    }

    @Override
    public synchronized List<String> subjects() {
        catchUp();
        return state.subjects();
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        catchUp();
        return state.versions(subject);
    }

    @Override
    public synchronized CompatibilityLevel compatibility(String subject) {
        catchUp();
        return state.compatibility(subject);
    }

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        catchUp();
        return state.globalCompatibility();
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        writeConfig(Optional.empty(), level);
    }

    @Override
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        catchUp();
        return state.subjectCompatibility(subject);
    }

    @Override
    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        writeConfig(Optional.of(subject), level);
    }

    /** The topic this registry keeps its state in. */
    public String topic() {
        return topic;
    }

    /** The {@code kafka://} URL of this registry. */
    public String url() {
        return new Location(bootstrapServers, topic).url();
    }

    /** Releases this holder; the Kafka clients close when the last holder of a shared instance does. */
    @Override
    public void close() {
        synchronized (SHARED) {
            if (--holders > 0) {
                return;
            }
            SHARED.values().remove(this);
        }
        release();
    }

    private void writeConfig(Optional<String> subject, CompatibilityLevel level) {
        write("setting the compatibility of " + subject.map(s -> "subject '" + s + "'").orElse("the registry"),
                () -> new ProducerRecord<>(topic, SchemasTopicFormat.configKey(subject),
                        SchemasTopicFormat.configValue(level)));
    }

    private interface Decision {
        /** The record to write, decided on the caught-up state; null when there is nothing to write. */
        ProducerRecord<byte[], byte[]> decide();
    }

    /** One write under the single-writer protocol of the class comment; retried when fenced. */
    private void write(String what, Decision decision) {
        KafkaException last = null;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                KafkaProducer<byte[], byte[]> producer = writer();
                catchUp();
                ProducerRecord<byte[], byte[]> record = decision.decide();
                if (record == null) {
                    return;
                }
                producer.beginTransaction();
                long offset = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
                producer.commitTransaction();
                catchUpPast(offset);
                return;
            } catch (KafkaException e) {
                // Fenced by another instance (ProducerFencedException, InvalidProducerEpochException) or
                // a broker error: the producer cannot be trusted any more; decide again with a new one.
                last = e;
            } catch (ExecutionException e) {
                last = e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                last = new KafkaException("no acknowledgement within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeWriter();
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Interrupted " + what, e);
            }
            closeWriter();
            log.debug("Schema registry write ({}) attempt {} failed, retrying: {}", what, attempt, last.toString());
            pause(attempt);
        }
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Could not write to topic '" + topic
                + "' at " + bootstrapServers + " while " + what + ": " + last, last);
    }

    private KafkaProducer<byte[], byte[]> writer() {
        if (writer == null) {
            Map<String, Object> config = clientConfig();
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, writerTransactionalId(topic));
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer-" + topic);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(timeout));
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            writer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
            try {
                writer.initTransactions();
            } catch (RuntimeException e) {
                closeWriter();
                throw e;
            }
        }
        return writer;
    }

    /** Applies every committed record up to the topic's current end. */
    private void catchUp() {
        ensureOpen();
        try {
            long end = reader.endOffsets(Set.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reader.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("still behind offset " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
            }
        } catch (KafkaException e) {
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Could not read topic '" + topic
                    + "' at " + bootstrapServers + " (registry state): " + e, e);
        }
    }

    /**
     * Catches up until the record at {@code offset} is read: the commit returns before the broker
     * has written the transaction's marker, until which {@code read_committed} ends before it.
     */
    private void catchUpPast(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        catchUp();
        while (reader.position(partition, timeout) <= offset) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("committed offset " + offset
                        + " not readable within " + timeout);
            }
            Thread.sleep(5);
            catchUp();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        SchemasTopicFormat.Entry entry = SchemasTopicFormat.decode(record.key(), record.value());
        if (entry instanceof SchemasTopicFormat.SchemaEntry s) {
            if (!state.restore(s.registration())) {
                log.warn("Skipping {} offset {}: {} does not follow the registry state", topic, record.offset(),
                        s.registration());
            }
        } else if (entry instanceof SchemasTopicFormat.ConfigEntry c) {
            c.subject().ifPresentOrElse(subject -> state.setSubjectCompatibility(subject, c.level()),
                    () -> state.setGlobalCompatibility(c.level()));
        } else if (entry instanceof SchemasTopicFormat.Skipped s) {
            log.debug("Skipping {} offset {}: {}", topic, record.offset(), s.why());
        }
    }

    private interface Read<T> {
        T get();
    }

    private <T> T withCatchUpOnMiss(Read<T> read) {
        try {
            return read.get();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() / 100 != 404) {
                throw e;
            }
            catchUp();
            return read.get();
        }
    }

    /** One partition (the order of the log is the registry's history) and compacted (keys are facts). */
    private void ensureTopic() {
        Map<String, Object> adminConfig = clientConfig();
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(timeout));
        try (Admin admin = Admin.create(adminConfig)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = describeOnceServed(admin);
            if (description.partitions().size() != 1) {
                throw new SchemaRegistryException(SchemaRegistryException.INTERNAL, "Registry topic '" + topic
                        + "' has " + description.partitions().size() + " partitions; it must have exactly one");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Interrupted creating '" + topic + "'", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Could not create or describe"
                    + " registry topic '" + topic + "' at " + bootstrapServers + ": " + cause, cause);
        }
    }

    /**
     * The registry topic's description. Just after it was created the broker may not serve its metadata
     * yet (UnknownTopicOrPartitionException): asked again until {@code timeout}.
     */
    private TopicDescription describeOnceServed(Admin admin)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Schema registry on topic '" + topic + "' at " + bootstrapServers + " is closed");
        }
    }

    private synchronized void release() {
        closed = true;
        closeWriter();
        reader.close(Duration.ofSeconds(5));
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("Closing the registry writer failed: {}", e.toString());
            }
            writer = null;
        }
    }

    /** Kafka's clients require each request's timeout to fit in the whole call's. */
    private static int requestTimeoutMs(Duration timeout) {
        return (int) Math.min(timeout.toMillis(), 30_000);
    }

    /** Two fenced instances retrying in lock-step would fence each other again: back off with jitter. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 11));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
