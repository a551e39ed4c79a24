package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One {@code newsflow <command>}: a picocli {@code @Command} whose options and parameters picocli fills in;
 * {@link Main} then hands it the merged configuration. Register new commands in {@link Main#builtInCommands()}.
 *
 * <p>Print results to {@code out} (stdout); logs go to stderr. Throw {@link UsageException} for arguments
 * picocli cannot check (exit code 2); any other exception is reported as an error (exit code 1).
 */
public interface CliCommand {

    /**
     * @param config the merged configuration (defaults, file, environment, {@code --set})
     * @return the process exit code, 0 for success
     */
    int run(AppConfig config, PrintStream out) throws Exception;

    /** This command's picocli command line; a command with subcommands adds them here. */
    default CommandLine commandLine() {
        return new CommandLine(this);
    }

    /**
     * Parses {@code args} into this command, then runs it: the command alone, without the global options
     * (for callers that already have a configuration).
     *
     * @throws UsageException when picocli rejects the arguments
     */
    default int run(List<String> args, AppConfig config, PrintStream out) throws Exception {
        try {
            commandLine().parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        return run(config, out);
    }
}
