package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.config.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow broker --sasl-ssl}: a secured broker to try, and the client settings to reach it. */
@Tag("broker")
class BrokerCommandSaslSslTest {

    @TempDir
    Path tlsDir;

    @Test
    void theWrittenClientSettingsReachThePipelineTopicsAndAWrongPasswordDoesNot() throws Exception {
        AtomicReference<Map<String, TopicDescription>> seen = new AtomicReference<>();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        StopSignal connectThenStop = new StopSignal() {
            @Override
            public void await() {
                try {
                    AppConfig alice = AppConfig.load(tlsDir.resolve("client-alice.properties"), Map.of(), Map.of());
                    try (Admin admin = Admin.create(KafkaClientConfig.admin(alice))) {
                        seen.set(admin.describeTopics(Topics.all()).allTopicNames().get(30, TimeUnit.SECONDS));
                    }
                    AppConfig wrong = alice.with("sasl.jaas.config", "org.apache.kafka.common.security.scram."
                            + "ScramLoginModule required username=\"alice\" password=\"guess\";");
                    try (Admin admin = Admin.create(KafkaClientConfig.admin(wrong))) {
                        admin.describeTopics(Topics.all()).allTopicNames().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        refused.set(e.getCause());
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Main(List.of(new BrokerCommand(() -> connectThenStop)), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--set", "broker.port=0", "broker", "--sasl-ssl", "--user", "alice:wonder-land-7",
                        "--tls-dir", tlsDir.toString()));

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("SASL_SSL user 'alice'"), printed);
        assertTrue(Files.readString(tlsDir.resolve("client-alice.properties")).contains("security.protocol=SASL_SSL"));
        assertEquals(Topics.all().size(), seen.get().size(), "alice describes every pipeline topic");
        assertInstanceOf(SaslAuthenticationException.class, refused.get());
    }

    @Test
    void aUserWithoutAPasswordIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(List.of(new BrokerCommand()), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("broker", "--sasl-ssl", "--user", "alice"));

        assertEquals(Main.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--user needs NAME:PASSWORD"));
    }

    @Test
    void usersWithoutTheSecuredListenerAreAUsageErrorNotIgnored() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(List.of(new BrokerCommand()), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("broker", "--user", "alice:pw"));

        assertEquals(Main.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("add --sasl-ssl"));
    }
}
