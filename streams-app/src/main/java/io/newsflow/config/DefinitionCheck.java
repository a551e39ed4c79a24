package io.newsflow.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Checks the layered values of a configuration against {@link NewsflowConfigDef}: every defined key
 * gets its default when it is missing or empty, every value must parse as its type and pass its
 * validator, and an undefined key in a newsflow namespace is a typo. All problems are reported at once,
 * each naming the key, the value and the layer it came from.
 */
final class DefinitionCheck {

    /** Source of a value that no layer set: the definition's default. */
    static final String DEFAULT_SOURCE = "default (" + NewsflowConfigDef.class.getSimpleName() + ")";

    private DefinitionCheck() {
    }

    /**
     * Fills in defaults ({@code values} and {@code sources} are modified) and validates; with
     * {@code clientKeys}, also that every undefined key reaches a client ({@link ClientKeyCheck}).
     */
    static void apply(Map<String, String> values, Map<String, String> sources, boolean clientKeys) {
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : NewsflowConfigDef.definition().configKeys().values()) {
            String raw = values.get(key.name);
            if (raw == null || raw.isBlank()) {
                String dflt = defaultText(key);
                if (raw == null || !dflt.isEmpty()) {
                    values.put(key.name, dflt);
                    sources.put(key.name, raw == null ? DEFAULT_SOURCE : sources.get(key.name) + ", empty: the default");
                }
                continue;
            }
            problem(key, raw).ifPresent(p -> problems.add(
                    "Configuration '" + key.name + "' = '" + raw + "' " + p + " (from " + sources.get(key.name) + ")"));
        }
        values.keySet().stream().filter(NewsflowConfigDef::isUnknown).sorted().forEach(name -> problems.add(
                "Unknown configuration '" + name + "' (from " + sources.get(name) + ")"
                        + "; the keys it may be meant for: " + sameNamespace(name)
                        + " (all keys: docs/configuration.md)"));
        values.keySet().stream().filter(name -> clientKeys)
                .filter(name -> !NewsflowConfigDef.isDefined(name) && !NewsflowConfigDef.isUnknown(name))
                .sorted().forEach(name -> ClientKeyCheck.problem(name).ifPresent(p -> problems.add(
                        "Configuration '" + name + "' (from " + sources.get(name) + ") " + p)));
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
    }

    /** The default as it is written in a properties file. */
    static String defaultText(ConfigKey key) {
        return key.defaultValue == null ? "" : ConfigDef.convertToString(key.defaultValue, key.type);
    }

    private static Optional<String> problem(ConfigKey key, String raw) {
        Object parsed;
        try {
            parsed = parse(key.type, raw);
        } catch (RuntimeException e) {
            return Optional.of("is not " + expected(key.type));
        }
        if (key.validator == null) {
            return Optional.empty();
        }
        try {
            key.validator.ensureValid(key.name, parsed);
            return Optional.empty();
        } catch (ConfigValidators.InvalidValue e) {
            return Optional.of("is not " + e.getMessage());
        } catch (org.apache.kafka.common.config.ConfigException e) {
            return Optional.of("is invalid: " + reason(e.getMessage(), key.name));
        }
    }

    /** As {@link AppConfig}'s typed getters read the value: lists comma-separated, entries trimmed, empty ones dropped. */
    private static Object parse(Type type, String raw) {
        return switch (type) {
            case LIST -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            case DOUBLE -> ConfigValidators.finite(raw);
            default -> ConfigDef.parseType("value", raw.trim(), type);
        };
    }

    private static String expected(Type type) {
        return switch (type) {
            case INT -> "an integer";
            case LONG -> "a long integer";
            case DOUBLE -> "a finite number";
            case BOOLEAN -> "a boolean (true or false)";
            default -> "a " + type.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** Kafka's validators say "Invalid value V for configuration K: reason"; the key and value are named already. */
    private static String reason(String message, String name) {
        String marker = "for configuration " + name + ": ";
        int at = message.indexOf(marker);
        return at < 0 ? message : message.substring(at + marker.length());
    }

    /** The defined keys of the namespace {@code name} is in: among them, most likely, the one meant. */
    private static String sameNamespace(String name) {
        String namespace = NewsflowConfigDef.NAMESPACES.stream().filter(name::startsWith)
                .max(Comparator.comparingInt(String::length)).orElseThrow();
        return NewsflowConfigDef.definition().names().stream().filter(k -> k.startsWith(namespace)).sorted()
                .collect(Collectors.joining(", "));
    }
}
