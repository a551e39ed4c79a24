package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast tier ({@code mvn test -Pfast}, docs/testing.md) leaves out every test tagged {@code broker}; so a test
 * class that starts a Kafka broker, in-process or as a child process, must carry that tag, or the fast tier would
 * quietly start brokers again.
 */
class TestTiersTest {

    /** What starts a broker in a test: the broker itself, the helpers around it, the commands that start one. */
    private static final Pattern STARTS_A_BROKER = Pattern.compile(
            "\\b(EmbeddedKafkaBroker|BrokerExtension|BrokerProcess|RunningApp|AppOnBroker|ChildApp|ScenarioReplay|QuickFailover"
                    + "|RegistryNotYetUp|EmbeddedCluster|BrokerCommand)\\b");
    private static final String TAG = "@Tag(\"broker\")";

    @Test
    void everyTestClassThatStartsABrokerIsTaggedBroker() throws IOException {
        List<String> untagged = testClasses().filter(this::startsABroker).filter(source -> !tagged(source))
                .map(Path::toString).toList();
        assertEquals(List.of(), untagged, "start a broker but lack " + TAG);
    }

    @Test
    void theFastTierStillHasTheTopologySpecifications() throws IOException {
        List<Path> fast = testClasses().filter(source -> !tagged(source)).toList();
        assertTrue(fast.stream().anyMatch(p -> p.endsWith("topology/PriceMoveAlertTopologyTest.java")), "" + fast);
        assertTrue(fast.size() > 50, fast.size() + " fast test classes");
    }

    private static Stream<Path> testClasses() throws IOException {
        Path tests = RepoFiles.path("streams-app/src/test/java");
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(p -> p.getFileName().toString().endsWith("Test.java"))
                    .filter(p -> !p.getFileName().toString().equals("TestTiersTest.java")).sorted().toList().stream();
        }
    }

    private boolean startsABroker(Path source) {
        return STARTS_A_BROKER.matcher(read(source)).find();
    }

    private static boolean tagged(Path source) {
        return read(source).contains(TAG);
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
