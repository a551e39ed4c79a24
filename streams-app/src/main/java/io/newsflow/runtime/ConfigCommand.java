package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/** {@code newsflow config}: the effective configuration and where each value came from. */
@Command(name = "config",
        description = "Print the effective configuration, each key with its source (credentials masked)")
final class ConfigCommand implements CliCommand {

    /** Keys whose values are credentials: printed masked, so the output can be pasted into an issue. */
    private static final Pattern SECRET = Pattern.compile("password|secret|user\\.info|jaas|token|api\\.key");

    @Override
    public int run(AppConfig config, PrintStream out) {
        config.asMap().forEach((key, value) ->
                out.println(key + "=" + (SECRET.matcher(key).find() ? "********" : value)
                        + "    # " + config.sourceOf(key).orElse("?")));
        return 0;
    }
}
