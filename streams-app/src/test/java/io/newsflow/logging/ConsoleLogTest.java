package io.newsflow.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import io.newsflow.runtime.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One channel with one level: slf4j and System.Logger both reach logback, whose root level is
 * {@code log.level} ({@code --log-level}); the libraries stay at WARN below it. The known noise is
 * left out, everything else passes.
 */
class ConsoleLogTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToTheDefault() {
        LogLevel.apply("info");
    }

    @Test
    void theLogLevelOptionSetsNewsflowsLevelAndKeepsTheLibrariesAtWarn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(List.of(), Map.of(), new PrintStream(out), new PrintStream(new ByteArrayOutputStream()))
                .run(List.of("--log-level", "debug", "config"));

        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("log.level=debug"), out.toString(StandardCharsets.UTF_8));
        assertEquals(Level.DEBUG, context.getLogger("io.newsflow.runtime").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel());

        LogLevel.apply("error");
        assertEquals(Level.ERROR, context.getLogger("io.newsflow.runtime").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("org.apache.kafka").getEffectiveLevel());
    }

    @Test
    void systemLoggerGoesToTheSameChannel() {
        LogLevel.apply("warn");
        assertFalse(System.getLogger("io.newsflow.x").isLoggable(System.Logger.Level.INFO));
        assertTrue(System.getLogger("io.newsflow.x").isLoggable(System.Logger.Level.WARNING));
        LogLevel.apply("debug");
        assertTrue(System.getLogger("io.newsflow.x").isLoggable(System.Logger.Level.DEBUG));
    }

    @Test
    void knownNoiseIsLeftOutAndRealWarningsPass() {
        KnownNoiseFilter filter = new KnownNoiseFilter();
        assertEquals(FilterReply.DENY, filter.decide(event("io.javalin.Javalin",
                "Your Javalin version is 532 days old. Consider checking for a newer version.")));
        assertEquals(FilterReply.DENY, filter.decide(event("org.apache.kafka.clients.NetworkClient",
                "[Consumer clientId=x] Error while fetching metadata with correlation id 12 : "
                        + "{newsflow-article-funnel-repartition=UNKNOWN_TOPIC_OR_PARTITION}")));
        assertEquals(FilterReply.DENY, filter.decide(event("org.apache.kafka.clients.NetworkClient",
                "[Consumer clientId=x, groupId=newsflow] The metadata response from the cluster reported a recoverable"
                        + " issue with correlation id 2 : {newsflow-bond-deals-repartition=UNKNOWN_TOPIC_OR_PARTITION,"
                        + " newsflow-tick-points-changelog=LEADER_NOT_AVAILABLE}")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("org.apache.kafka.clients.NetworkClient",
                "[Consumer clientId=x] The metadata response from the cluster reported a recoverable issue with"
                        + " correlation id 3 : {newsflow-bond-deals-repartition=UNKNOWN_TOPIC_OR_PARTITION,"
                        + " news.articles=UNKNOWN_TOPIC_OR_PARTITION}")), "an input topic among them is real");
        assertEquals(FilterReply.DENY, filter.decide(event(
                "org.apache.kafka.streams.processor.internals.assignment.DefaultStandbyTaskAssignor",
                "Unable to assign 1 of 1 standby tasks for task [0_1]. There is not enough available capacity.")));

        assertEquals(FilterReply.NEUTRAL, filter.decide(event("org.apache.kafka.clients.NetworkClient",
                "[Consumer clientId=x] Error while fetching metadata with correlation id 12 : "
                        + "{market.price-ticks=UNKNOWN_TOPIC_OR_PARTITION}")), "a missing input topic is real");
        assertEquals(FilterReply.DENY, filter.decide(event("org.apache.kafka.streams.processor.internals.StateDirectory",
                "Using an OS temp directory in the state.dir property can cause failures with writing the checkpoint"
                        + " file. Resolved state.dir: [/tmp/newsflow-state-8255234346031082461]")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("org.apache.kafka.streams.processor.internals.StateDirectory",
                "Using an OS temp directory in the state.dir property can cause failures with writing the checkpoint"
                        + " file. Resolved state.dir: [/tmp/my-state]")), "a state.dir the user chose in /tmp");
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("org.apache.kafka.clients.NetworkClient",
                "Connection to node -1 (localhost/127.0.0.1:9092) could not be established.")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("io.javalin.Javalin", "Port already in use")));
    }

    private LoggingEvent event(String logger, String message) {
        return new LoggingEvent(ConsoleLogTest.class.getName(), context.getLogger(logger), Level.WARN, message, null,
                null);
    }
}
