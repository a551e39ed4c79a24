package io.newsflow.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.level} ({@code --log-level}): the level of the root logger, so of newsflow's
 * own lines. The libraries configured at WARN in logback.xml (Kafka, the broker, Javalin, Jetty)
 * stay at WARN unless the level asked for is stricter: {@code --log-level debug} does not flood the
 * console with Kafka's debug lines (a logback file given with {@code -Dlogback.configurationFile}
 * sets those).
 */
public final class LogLevel {

    public static final String KEY = "log.level";
    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    private static final List<String> QUIET_LIBRARIES = List.of("org.apache.kafka", "kafka", "state.change.logger",
            "org.apache.zookeeper", "io.javalin", "org.eclipse.jetty");

    private LogLevel() {
    }

    public static void apply(String level) {
        Level wanted = Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another slf4j backend (a test's): its own configuration rules
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(wanted);
        for (String library : QUIET_LIBRARIES) {
            Logger logger = context.getLogger(library);
            logger.setLevel(wanted.isGreaterOrEqual(Level.WARN) ? wanted : Level.WARN);
        }
    }
}
