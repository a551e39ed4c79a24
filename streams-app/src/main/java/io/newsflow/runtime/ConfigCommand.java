package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/** {@code newsflow config}: the effective configuration and where each value came from. */
final class ConfigCommand implements Command {

    /** Keys whose values are credentials: printed masked, so the output can be pasted into an issue. */
    private static final Pattern SECRET = Pattern.compile("password|secret|user\\.info|jaas|token|api\\.key");

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String description() {
        return "Print the effective configuration, each key with its source";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("config takes no arguments");
        }
        config.asMap().forEach((key, value) ->
                out.println(key + "=" + (SECRET.matcher(key).find() ? "********" : value)
                        + "    # " + config.sourceOf(key).orElse("?")));
        return 0;
    }
}
