package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import java.io.PrintStream;
import java.util.List;

/** {@code newsflow help}: usage, global options and the registered commands. */
final class HelpCommand implements Command {

    private final Commands commands;

    HelpCommand(Commands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "Show this help, or one command's description: help <command>";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) {
        if (args.size() == 1) {
            Command command = commands.find(args.get(0))
                    .orElseThrow(() -> new UsageException("Unknown command '" + args.get(0) + "'"));
            out.println("newsflow " + command.name() + ": " + command.description());
            return 0;
        }
        if (args.size() > 1) {
            throw new UsageException("help takes at most one argument, the command name");
        }
        printUsage(out);
        return 0;
    }

    void printUsage(PrintStream out) {
        out.println("Usage: newsflow [--config FILE] [--set key=value]... <command> [args]");
        out.println();
        out.println("Commands:");
        int width = commands.all().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (Command c : commands.all()) {
            out.printf("  %-" + width + "s  %s%n", c.name(), c.description());
        }
        out.println();
        out.println("Global options (before the command):");
        out.println("  --config FILE     properties file; default: $" + AppConfig.CONFIG_FILE_ENV + " if set");
        out.println("  --set key=value   override one configuration key (repeatable)");
        out.println();
        out.println("Configuration precedence, lowest first: built-in newsflow.properties < --config file");
        out.println("< environment NEWSFLOW_<KEY> (metrics.port -> NEWSFLOW_METRICS_PORT) < --set.");
        out.println("'newsflow config' prints the effective configuration.");
    }
}
