package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --name value} options (repeatable); names in {@code flags} take no value. */
final class CliArgs {

    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new HashMap<>();
    private final Set<String> flagsSeen = new java.util.HashSet<>();

    CliArgs(List<String> args, Set<String> flags, Set<String> valued) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                if (flags.contains(name)) {
                    flagsSeen.add(name);
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new IllegalArgumentException("unknown option " + a);
                }
            } else {
                positional.add(a);
            }
        }
    }

    String get(String name, String dflt) {
        List<String> v = options.get(name);
        return v == null ? dflt : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flagsSeen.contains(name);
    }
}
