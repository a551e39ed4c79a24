package io.newsflow.runtime;

import io.micrometer.core.instrument.Gauge;
import io.newsflow.Waits;
import io.newsflow.avro.DeadLetter;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A {@link NewsflowApp} started against a real broker, with what the end-to-end failure tests need:
 * a producer of raw bytes, readers of the dead letters and outputs, the gauges, {@code /health}.
 */
final class RunningApp implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(90);

    final AppConfig config;
    final NewsflowApp app;
    final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> deadLetterConsumer;
    private final Serde<DeadLetter> deadLetterSerde;
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    RunningApp(AppConfig config) throws Exception {
        this.config = config;
        TopicBootstrap.ensureAll(config.getString("bootstrap.servers"), config);
        app = NewsflowApp.start(config);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString("bootstrap.servers"));
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetterConsumer = consumer(Topics.DEAD_LETTERS);
        deadLetterSerde = AvroSerdes.valueSerde(config);
    }

    /**
     * The app's defaults against {@code bootstrapServers} and the registry at {@code registryUrl}, on a free
     * metrics port, no query API, committing every 200 ms, a dead thread's partitions handed on within
     * seconds ({@link QuickFailover}), then {@code overrides}.
     */
    static AppConfig config(String bootstrapServers, String registryUrl, String applicationId,
            Map<String, String> overrides) {
        return AppConfig.defaults().with(Map.of(
                "bootstrap.servers", bootstrapServers,
                "schema.registry.url", registryUrl,
                "metrics.port", "0",
                "metrics.host", "127.0.0.1",
                "api.port", "-1", // no fixed port (the default is 8088)
                "commit.interval.ms", "200",
                "application.id", applicationId)).with(QuickFailover.SETTINGS).with(overrides);
    }

    /** Sends and waits for the broker's ack: the offset of the record. */
    long send(String topic, byte[] key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get().offset();
    }

    /** Sends to one partition and waits for the broker's ack: the offset of the record. */
    long send(String topic, int partition, byte[] key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, partition, key, value)).get().offset();
    }

    KafkaConsumer<byte[], byte[]> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString("bootstrap.servers"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** The first dead letter (read so far or arriving within {@link #WAIT}) that matches. */
    DeadLetter awaitDeadLetter(Predicate<DeadLetter> wanted) {
        Deserializer<DeadLetter> deserializer = deadLetterSerde.deserializer();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (DeadLetter letter : deadLetters) {
                if (wanted.test(letter)) {
                    return letter;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such dead letter within " + WAIT + "; got " + deadLetters.stream()
                        .map(l -> l.getSourceTopic() + "@" + l.getOffset() + " " + l.getReason() + " " + l.getDetail())
                        .toList() + "; /health " + health());
            }
            for (ConsumerRecord<byte[], byte[]> r : deadLetterConsumer.poll(Duration.ofMillis(250))) {
                deadLetters.add(deserializer.deserialize(Topics.DEAD_LETTERS, r.value()));
            }
        }
    }

    /** Every dead letter read so far, after reading what has arrived for {@code quiet}. */
    List<DeadLetter> deadLettersAfter(Duration quiet) {
        Deserializer<DeadLetter> deserializer = deadLetterSerde.deserializer();
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            for (ConsumerRecord<byte[], byte[]> r : deadLetterConsumer.poll(Duration.ofMillis(250))) {
                deadLetters.add(deserializer.deserialize(Topics.DEAD_LETTERS, r.value()));
            }
        }
        return List.copyOf(deadLetters);
    }

    /** The value of a gauge of the app, NaN while it does not exist. */
    double gauge(String name, String... tags) {
        Gauge gauge = app.meters().registry().find(name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    double counter(String name, String... tags) {
        io.micrometer.core.instrument.Counter counter = app.meters().registry().find(name).tags(tags).counter();
        return counter == null ? Double.NaN : counter.count();
    }

    /** Records of {@code topic} the app has not committed yet. */
    long lag(String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getString("bootstrap.servers")))) {
            return new ConsumerLag(admin).of(config.getString("application.id"), List.of(topic));
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    void awaitGauge(double expected, String name, String... tags) {
        await(() -> gauge(name, tags) == expected, name + " " + String.join(",", tags) + " = " + expected
                + " (is " + gauge(name, tags) + ")");
    }

    void await(BooleanSupplier condition, String what) {
        try {
            Waits.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + WAIT + ": " + what + "; /health " + health(), e);
        }
    }

    String health() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.metricsPort() + "/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body().trim();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    @Override
    public void close() {
        producer.close();
        deadLetterConsumer.close();
        app.close();
    }
}
