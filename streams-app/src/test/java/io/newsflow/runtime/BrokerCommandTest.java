package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.CompatibilityLevel;
import io.newsflow.serde.registry.KafkaSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("broker")
class BrokerCommandTest {

    @Test
    void startsABrokerWithThePipelineTopicsAtThePrintedAddressAndStopsOnTheSignal() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        AtomicReference<Set<String>> topicsWhileRunning = new AtomicReference<>();
        AtomicReference<Boolean> closed = new AtomicReference<>(false);

        // Instead of waiting for Ctrl-C: look at the running broker through the printed address, then stop.
        StopSignal inspectThenStop = new StopSignal() {
            @Override
            public void await() throws InterruptedException {
                Matcher m = Pattern.compile("running at (\\S+)").matcher(buffer.toString(StandardCharsets.UTF_8));
                assertTrue(m.find(), buffer.toString(StandardCharsets.UTF_8));
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, m.group(1)))) {
                    topicsWhileRunning.set(admin.listTopics().names().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };

        int code = new BrokerCommand(() -> inspectThenStop)
                .run(List.of(), AppConfig.defaults().with("broker.port", String.valueOf(port)), out);

        assertEquals(0, code);
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("running at 127.0.0.1:" + port));
        assertTrue(topicsWhileRunning.get().containsAll(Topics.all()), String.valueOf(topicsWhileRunning.get()));
        assertTrue(closed.get());
        // The broker is gone: its port can be bound again.
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, s.getLocalPort());
        }
    }

    @Test
    void createsTheTopicsTheConfiguredProfileNeedsAndTheInputSubjectsCompatibility() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        AtomicReference<Integer> articlePartitions = new AtomicReference<>();
        AtomicReference<Integer> tickPartitions = new AtomicReference<>();
        AtomicReference<Optional<CompatibilityLevel>> articlesLevel = new AtomicReference<>();
        String bootstrap = "127.0.0.1:" + port;
        StopSignal inspectThenStop = new StopSignal() {
            @Override
            public void await() throws InterruptedException {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    var topics = admin.describeTopics(List.of(Topics.ARTICLES, Topics.PRICE_TICKS)).allTopicNames().get();
                    articlePartitions.set(topics.get(Topics.ARTICLES).partitions().size());
                    tickPartitions.set(topics.get(Topics.PRICE_TICKS).partitions().size());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e);
                }
                try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.open(bootstrap, KafkaSchemaRegistry.DEFAULT_TOPIC, Duration.ofSeconds(30))) {
                    articlesLevel.set(registry.subjectCompatibility(Topics.ARTICLES + "-value"));
                }
            }

            @Override
            public void close() {
            }
        };
        // What config/latency-first.properties sets: the app then refuses an articles topic with more partitions.
        AppConfig latencyFirst = AppConfig.defaults().with("broker.port", String.valueOf(port))
                .with("articles.single.partition", "true");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new BrokerCommand(() -> inspectThenStop).run(List.of(), latencyFirst,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(1, articlePartitions.get());
        assertEquals(Optional.of(CompatibilityLevel.FULL), articlesLevel.get(),
                "the policy is in the broker's registry topic; the command printed: " + printed.toString(StandardCharsets.UTF_8));
        assertEquals(latencyFirst.getInt("topic.partitions"), tickPartitions.get());
    }

    @Test
    void rejectsArguments() {
        assertThrows(UsageException.class,
                () -> new BrokerCommand(() -> { throw new AssertionError("must not start"); })
                        .run(List.of("--port", "1"), AppConfig.defaults(), System.out));
    }
}
