package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigException;
import io.newsflow.logging.LogLevel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point: {@code newsflow [--config FILE] [--set key=value]... <command> [args]}, parsed by picocli.
 * Global options come before the command. Exit codes: 0 success, 1 failure, 2 usage or configuration error.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = HelpCommand.class,
        description = "Kafka Streams pipeline: news, price ticks and bond books in, alerts and views out.",
        footer = {"", "Configuration precedence, lowest first: built-in newsflow.properties",
                "< --config file < environment NEWSFLOW_<KEY> (metrics.port -> NEWSFLOW_METRICS_PORT)",
                "< --set. 'newsflow config' prints the effective configuration.",
                "'newsflow help <command>' or 'newsflow <command> --help' describes one command."})
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Mixin
    private ConfigOptions configOptions;

    private final List<CliCommand> commands;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    /** @param commands the commands besides {@code help} and {@code config}, in the order help lists them */
    public Main(List<? extends CliCommand> commands, Map<String, String> env, PrintStream out, PrintStream err) {
        this.commands = new ArrayList<>();
        this.commands.add(new ConfigCommand());
        this.commands.addAll(commands);
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The built-in commands. Add a command here: one line each. */
    public static List<CliCommand> builtInCommands() {
        return List.of(
                new BrokerCommand(),
                new RunCommand(),
                new DemoCommand(),
                new ProduceCommand(),
                new InspectCommand(),
                new TrainSentimentCommand(),
                new EvalSentimentCommand());
    }

    public static void main(String[] args) {
        FormatLocale.useUs();
        int code = new Main(builtInCommands(), System.getenv(), System.out, System.err).run(Arrays.asList(args));
        System.out.flush();
        // Exit explicitly: a library thread that is not a daemon must not keep a finished command alive.
        System.exit(code);
    }

    public int run(List<String> args) {
        return commandLine().execute(args.toArray(String[]::new));
    }

    /** newsflow's command tree, writing to this Main's streams. */
    CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        commands.forEach(c -> cli.addSubcommand(standardHelpOptions(c.commandLine())));
        return cli.setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExpandAtFiles(false) // "@name" is a file name, as before picocli
                .setOverwrittenOptionsAllowed(true) // a later --config wins
                .setExecutionStrategy(this::execute)
                .setParameterExceptionHandler(this::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
    }

    /** {@code --help} and {@code --version} on a command and its subcommands, as on newsflow itself. */
    private static CommandLine standardHelpOptions(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Version());
        command.getSubcommands().values().forEach(Main::standardHelpOptions);
        return command;
    }

    private int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        if (!parsed.hasSubcommand()) {
            parsed.commandSpec().commandLine().usage(err);
            return USAGE;
        }
        CommandLine command = parsed.subcommand().commandSpec().commandLine();
        try {
            AppConfig config = configOptions.load(env);
            LogLevel.apply(config.getString(LogLevel.KEY));
            return command.<CliCommand>getCommand().run(config, out);
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(command, command.getCommandName() + " failed", e);
        }
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        boolean unknownCommand = e instanceof UnmatchedArgumentException u && !cli.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-");
        err.println("newsflow: " + (unknownCommand
                ? "Unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'"
                : e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return USAGE;
    }

    private int failure(Exception e, CommandLine command) {
        if (e instanceof UsageException) {
            err.println("newsflow: " + e.getMessage());
            err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        }
        if (e instanceof ConfigException) {
            err.println("newsflow: configuration error: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof ClusterAccessException) {
            err.println("newsflow: " + e.getMessage());
            return FAILED;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("newsflow: interrupted");
            return FAILED;
        }
        err.println("newsflow: " + command.getCommandName() + " failed: " + e);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
        return FAILED;
    }

    /** {@code --version}: the version in the jar's manifest, when built as a jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (version == null ? "(development build)" : version)};
        }
    }
}
