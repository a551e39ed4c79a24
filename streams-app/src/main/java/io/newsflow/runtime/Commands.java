package io.newsflow.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands of the CLI, in the order {@code help} lists them. */
public final class Commands {

    private final Map<String, Command> byName = new LinkedHashMap<>();

    /** The built-in commands; {@code help} and {@code config} are always present. */
    public static Commands builtIn() {
        // Add a command here: one line each.
        return of(List.of(
                new BrokerCommand(),
                new RunCommand(),
                new DemoCommand(),
                new ProduceCommand(),
                new InspectCommand(),
                new TrainSentimentCommand(),
                new EvalSentimentCommand()));
    }

    public static Commands of(List<Command> commands) {
        Commands registry = new Commands();
        registry.add(new HelpCommand(registry));
        registry.add(new ConfigCommand());
        commands.forEach(registry::add);
        return registry;
    }

    private void add(Command command) {
        if (byName.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("Two commands are named '" + command.name() + "'");
        }
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Command> all() {
        return new ArrayList<>(byName.values());
    }
}
