package io.newsflow.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a command (no positional arguments), checked against the names it knows. */
final class CommandOptions {

    private CommandOptions() {
    }

    static Map<String, String> parse(List<String> args, List<String> known, String usage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(arg + " needs a value\n" + usage);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option '" + name + "'\n" + usage);
            }
            options.put(name, value);
        }
        return options;
    }

    static String required(Map<String, String> options, String name, String usage) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required\n" + usage);
        }
        return value;
    }

    static int integer(Map<String, String> options, String name, int defaultValue, String usage) {
        String value = options.get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + value + "'\n" + usage);
        }
    }
}
