package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entry point: {@code newsflow [--config FILE] [--set key=value]... <command> [args]}. */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Commands commands;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public Main(Commands commands, Map<String, String> env, PrintStream out, PrintStream err) {
        this.commands = commands;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        FormatLocale.useUs();
        int code = new Main(Commands.builtIn(), System.getenv(), System.out, System.err).run(Arrays.asList(args));
        System.out.flush();
        // Exit explicitly: a library thread that is not a daemon must not keep a finished command alive.
        System.exit(code);
    }

    public int run(List<String> args) {
        String commandName = "command";
        try {
            CliArguments cli = CliArguments.parse(args);
            Optional<String> name = cli.command();
            if (name.isEmpty()) {
                new HelpCommand(commands).printUsage(err);
                return USAGE;
            }
            Command command = commands.find(name.get())
                    .orElseThrow(() -> new UsageException("Unknown command '" + name.get() + "'"));
            commandName = command.name();
            AppConfig config = AppConfig.load(cli.configFile().orElse(null), env, cli.overrides());
            return command.run(cli.commandArgs(), config, out);
        } catch (UsageException e) {
            err.println("newsflow: " + e.getMessage());
            err.println("Run 'newsflow help' for usage.");
            return USAGE;
        } catch (ConfigException e) {
            err.println("newsflow: configuration error: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("newsflow: interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("newsflow: " + commandName + " failed: " + e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
            return FAILED;
        }
    }
}
