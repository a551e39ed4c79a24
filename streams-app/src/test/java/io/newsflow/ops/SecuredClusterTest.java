package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.Waits;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.runtime.ConsumerLag;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.Main;
import io.newsflow.runtime.ProduceCommand;
import io.newsflow.runtime.RequiredAcls;
import io.newsflow.runtime.RequiredAcls.Role;
import io.newsflow.runtime.RunCommand;
import io.newsflow.runtime.SaslSslListener;
import io.newsflow.runtime.StopSignal;
import io.newsflow.runtime.TlsFiles;
import io.newsflow.serde.registry.KafkaSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app against what production clusters ask of clients: a SASL_SSL listener (SCRAM-SHA-512, a CA
 * made by the test), the StandardAuthorizer with no super user but the broker, and only the ACLs
 * docs/operations.md lists ({@link RequiredAcls}). Configured in Kafka's own key names at the top
 * level, every client gets through: the CLI producers, the {@code kafka://} registry, the admin
 * clients and Kafka Streams. Refused credentials and a missing ACL end the command at once, with one
 * line naming what is missing, exit code 1, and nothing written.
 */
@Tag("broker")
class SecuredClusterTest {

    private static final String APP_USER = "newsflow";
    private static final String APP_PASSWORD = "app-secret-4711";
    /** A user granted everything the docs list but one ACL. */
    private static final String LIMITED_USER = "limited";
    private static final String LIMITED_PASSWORD = "limited-secret-0815";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path work;
    private static EmbeddedKafkaBroker broker;
    private static Admin superUser;

    @BeforeAll
    static void startSecuredBroker() {
        broker = EmbeddedKafkaBroker.startSecured(0, null, new SaslSslListener(TlsFiles.generate(work.resolve("tls")),
                Map.of(APP_USER, APP_PASSWORD, LIMITED_USER, LIMITED_PASSWORD)));
        superUser = Admin.create(broker.superUserClientConfig());
        // the inputs exist before `produce`, as on `newsflow broker`: the embedded broker creates no topic on a write
        broker.createTopics(Topics.INPUTS, 1);
        broker.createAcls(bindings(APP_USER, "newsflow-secured"));
        List<AclBinding> limited = new ArrayList<>(bindings(LIMITED_USER, "limited-app"));
        boolean removed = limited.removeIf(b -> b.pattern().name().equals(Topics.PRICE_ALERTS)
                && b.entry().operation() == AclOperation.WRITE);
        assertTrue(removed);
        broker.createAcls(limited);
    }

    @AfterAll
    static void stopBroker() {
        if (superUser != null) {
            superUser.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theScenarioIsPublishedAndProcessedThroughSaslSslWithOnlyTheDocumentedAcls() throws Exception {
        Map<String, String> settings = settings(APP_USER, APP_PASSWORD, "newsflow-secured");

        Cli produce = cli(settings, List.of("produce", "scenario", RepoFiles.path("scenarios/meta-bond-day").toString()));
        assertEquals(Main.OK, produce.code, produce.output());

        Cli run = cli(settings, List.of("run"));
        assertEquals(Main.OK, run.code, run.output());
        assertTrue(run.out.contains("Kafka Streams is RUNNING"), run.output());
        assertEquals(0, new ConsumerLag(superUser).of("newsflow-secured", Topics.INPUTS));
        assertTrue(endOffsets(List.of(Topics.ARTICLE_SCORES)) > 0, "articles were scored");
        assertTrue(endOffsets(List.of(Topics.BOND_ANALYTICS)) > 0, "bond books were analysed");
    }

    @Test
    void refusedCredentialsEndTheCommandWithOneLineAndNothingWritten() throws Exception {
        long before = endOffsets(written());

        Cli run = cli(settings(APP_USER, "not-the-password", "newsflow-secured"), List.of("run"));

        assertEquals(Main.FAILED, run.code, run.output());
        assertEquals(1, run.err.lines().count(), run.output());
        assertTrue(run.err.contains("refused to authenticate user 'newsflow'"), run.output());
        assertTrue(run.err.contains("sasl.mechanism=SCRAM-SHA-512"), run.output());
        assertEquals(before, endOffsets(written()), "nothing was written");
    }

    @Test
    void aMissingAclEndsTheCommandWithOneLineNamingItAndNothingWritten() throws Exception {
        long before = endOffsets(written());

        Cli run = cli(settings(LIMITED_USER, LIMITED_PASSWORD, "limited-app"), List.of("run"));

        assertEquals(Main.FAILED, run.code, run.output());
        assertEquals(1, run.err.lines().count(), run.output());
        assertTrue(run.err.contains("denies user 'limited'"), run.output());
        assertTrue(run.err.contains("missing ACL: WRITE on TOPIC '" + Topics.PRICE_ALERTS + "'"), run.output());
        assertTrue(run.err.contains("docs/operations.md#acls"), run.output());
        assertEquals(before, endOffsets(written()), "nothing was written");
    }

    /**
     * The ACLs the docs list for {@code run} and {@code produce}, for {@code user} running the app as
     * {@code applicationId}, the registry on the cluster.
     */
    private static List<AclBinding> bindings(String user, String applicationId) {
        AppConfig config = AppConfig.defaults().with(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "application.id", applicationId));
        return RequiredAcls.of(config, Role.APP, Role.PRODUCER, Role.REGISTRY).stream()
                .map(acl -> acl.binding("User:" + user)).toList();
    }

    /** The client security keys at the top level, in Kafka's names, as a user's properties file sets them. */
    private static Map<String, String> settings(String user, String password, String applicationId) {
        Map<String, String> settings = new LinkedHashMap<>(broker.secured().orElseThrow().clientConfig(user, password));
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("application.id", applicationId);
        settings.put("topic.partitions", "1");
        settings.put("commit.interval.ms", "200");
        settings.put("metrics.port", "0");
        settings.put("metrics.host", "127.0.0.1");
        settings.put("api.port", "-1");
        settings.put("registry.server.port", "-1");
        // the last articles are released when the quiet source's watermark is skipped, soon
        settings.put("watermark.idle.timeout", "1s");
        return settings;
    }

    private static List<String> written() {
        List<String> topics = new ArrayList<>(Topics.OUTPUTS);
        topics.add(KafkaSchemaRegistry.DEFAULT_TOPIC);
        return topics;
    }

    /** The sum of the end offsets of the topics that exist (as the broker, which may see everything). */
    private static long endOffsets(List<String> topics) throws Exception {
        List<String> existing = superUser.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(topics::contains).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        superUser.describeTopics(existing).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        return superUser.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** {@code run} stops once every input record is committed; a command that fails returns at once. */
    private static Cli cli(Map<String, String> settings, List<String> command) {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        args.addAll(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String app = settings.get("application.id");
        StopSignal whenProcessed = new StopSignal() {
            @Override
            public void await() {
                // every input committed and article scores written
                Waits.await("inputs processed").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> new ConsumerLag(superUser).of(app, Topics.INPUTS) == 0
                                && endOffsets(List.of(Topics.ARTICLE_SCORES)) > 0);
            }

            @Override
            public void close() {
            }
        };
        int code = new Main(List.of(new ProduceCommand(), new RunCommand(() -> whenProcessed)), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Cli(int code, String out, String err) {
        String output() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }
}
