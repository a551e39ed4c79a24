package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.util.List;

/**
 * One {@code newsflow <command>}. Register new commands in {@link Commands#builtIn()}.
 *
 * <p>Print results to {@code out} (stdout); logs go to stderr. Throw {@link UsageException} for bad
 * arguments (exit code 2); any other exception is reported as an error (exit code 1).
 */
public interface Command {

    String name();

    /** One line for {@code newsflow help}. */
    String description();

    /**
     * @param args   the arguments after the command name
     * @param config the merged configuration (defaults, file, environment, {@code --set})
     * @return the process exit code, 0 for success
     */
    int run(List<String> args, AppConfig config, PrintStream out) throws Exception;
}
