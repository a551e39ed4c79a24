package io.newsflow.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line split into global options, the command and its arguments:
 * {@code newsflow [--config FILE] [--set key=value]... <command> [args]}. Global options must come
 * before the command; everything after the command name belongs to the command.
 *
 * @param configFile the {@code --config} file, if given
 * @param overrides  the {@code --set} values in order; a later {@code --set} of a key wins
 * @param command    the command name; empty when none was given
 * @param commandArgs the arguments after the command name
 */
public record CliArguments(Optional<Path> configFile, Map<String, String> overrides,
                           Optional<String> command, List<String> commandArgs) {

    public static CliArguments parse(List<String> args) {
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--config") || arg.equals("--set")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value: " + (arg.equals("--config") ? "--config FILE" : "--set key=value"));
                }
                String value = args.get(i + 1);
                if (arg.equals("--config")) {
                    configFile = configPath(value);
                } else {
                    putOverride(overrides, value);
                }
                i += 2;
            } else if (arg.startsWith("--config=")) {
                configFile = configPath(arg.substring("--config=".length()));
                i++;
            } else if (arg.startsWith("--set=")) {
                putOverride(overrides, arg.substring("--set=".length()));
                i++;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                return new CliArguments(Optional.ofNullable(configFile), overrides, Optional.of("help"), List.of());
            } else if (arg.startsWith("-")) {
                throw new UsageException("Unknown global option '" + arg + "' (global options: --config FILE, --set key=value)");
            } else {
                return new CliArguments(Optional.ofNullable(configFile), overrides, Optional.of(arg),
                        List.copyOf(args.subList(i + 1, args.size())));
            }
        }
        return new CliArguments(Optional.ofNullable(configFile), overrides, Optional.empty(), List.of());
    }

    public CliArguments {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        commandArgs = List.copyOf(commandArgs);
    }

    private static Path configPath(String value) {
        if (value.isBlank()) {
            throw new UsageException("--config needs a file name");
        }
        return Path.of(value);
    }

    private static void putOverride(Map<String, String> overrides, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || assignment.substring(0, eq).isBlank()) {
            throw new UsageException("--set expects key=value, got '" + assignment + "'");
        }
        // An empty value is allowed: "--set bootstrap.servers=" means "unset" for optional keys.
        overrides.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }
}
