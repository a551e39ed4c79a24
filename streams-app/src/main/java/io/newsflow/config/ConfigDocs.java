package io.newsflow.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders {@link NewsflowConfigDef} as the Markdown tables of docs/configuration.md and as the
 * {@code newsflow.properties} defaults resource, as Kafka renders its ConfigDefs with {@code toHtml}.
 * Both files are checked in; a test fails with a diff when either disagrees with the definition.
 * {@link #main} rewrites them (argument: the repository root).
 */
public final class ConfigDocs {

    /** The generated part of docs/configuration.md lies between these lines. */
    public static final String BEGIN = "<!-- BEGIN GENERATED from io.newsflow.config.NewsflowConfigDef by ConfigDocs: edit the definition, not this table -->";
    public static final String END = "<!-- END GENERATED -->";
    public static final String DOCS_FILE = "docs/configuration.md";
    public static final String PROPERTIES_FILE = "streams-app/src/main/resources/" + AppConfig.DEFAULTS_RESOURCE;

    private static final int PROPERTIES_WIDTH = 100;

    private ConfigDocs() {
    }

    /** One table per group, each key with its type, default, valid values and documentation. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        groups().forEach((group, keys) -> {
            out.append("### ").append(group).append("\n\n");
            out.append("| key | type | default | valid values | description |\n|---|---|---|---|---|\n");
            for (ConfigKey key : keys) {
                String dflt = DefinitionCheck.defaultText(key);
                out.append("| `").append(key.name).append("` | ").append(typeName(key)).append(" | ")
                        .append(dflt.isEmpty() ? "*(empty)*" : "`" + dflt + "`").append(" | ")
                        .append(cell(validValues(key))).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
            out.append('\n');
        });
        return out.toString().stripTrailing() + "\n";
    }

    /** The defaults resource: every key at its default, under its documentation, grouped. */
    public static String properties() {
        StringBuilder out = new StringBuilder("""
                # newsflow defaults. GENERATED from io.newsflow.config.NewsflowConfigDef by ConfigDocs: edit the
                # definition, not this file (a test fails when they disagree). Override, in increasing precedence, with:
                #   1. a properties file: --config FILE, or the environment variable NEWSFLOW_CONFIG=FILE
                #   2. environment variables NEWSFLOW_<KEY>: the key upper-cased, '.' and '-' replaced by '_'
                #      (NEWSFLOW_BOOTSTRAP_SERVERS sets bootstrap.servers). Keys defined here map exactly;
                #      any other NEWSFLOW_A_B sets a.b (lower case, dots), e.g. NEWSFLOW_KAFKA_STREAMS_NUM_STREAM_THREADS.
                #   3. --set key=value on the command line (repeatable)
                # Durations accept 500ms, 30s, 5m, 1h, 1d or ISO-8601 (PT1H). Lists are comma separated.
                # Kafka clients' settings go under kafka.streams.*, producer.* or consumer.* (passed on unchecked).
                """);
        String rule = "# " + "-".repeat(PROPERTIES_WIDTH - 2) + "\n";
        groups().forEach((group, keys) -> {
            out.append('\n').append(rule).append("# ").append(group).append('\n').append(rule);
            for (ConfigKey key : keys) {
                String valid = validValues(key);
                wrap(key.documentation + " Type: " + typeName(key) + (valid.isEmpty() ? "" : ", valid: " + valid) + ".")
                        .forEach(line -> out.append("# ").append(line).append('\n'));
                out.append(key.name).append('=').append(DefinitionCheck.defaultText(key)).append('\n');
            }
        });
        return out.toString();
    }

    /** Replaces the generated part of a docs file's text. */
    public static String replaceGenerated(String docs) {
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no " + BEGIN + " ... " + END + " section");
        }
        return docs.substring(0, begin + BEGIN.length()) + "\n\n" + markdown() + "\n" + docs.substring(end);
    }

    /** Rewrites docs/configuration.md's tables and newsflow.properties under the repository root {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path docs = root.resolve(DOCS_FILE);
        Files.writeString(docs, replaceGenerated(Files.readString(docs, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Files.writeString(root.resolve(PROPERTIES_FILE), properties(), StandardCharsets.UTF_8);
    }

    private static Map<String, List<ConfigKey>> groups() {
        return NewsflowConfigDef.definition().configKeys().values().stream()
                .collect(Collectors.groupingBy(k -> k.group, LinkedHashMap::new, Collectors.toList()));
    }

    private static String typeName(ConfigKey key) {
        if (key.validator instanceof ConfigValidators.Described described) {
            return described.typeName();
        }
        return switch (key.type) {
            case DOUBLE -> "number";
            case INT, LONG -> "integer";
            default -> key.type.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The validator's own description (a Range prints [0,...,65535]); a described type says it all. */
    private static String validValues(ConfigKey key) {
        return key.validator == null || key.validator instanceof ConfigValidators.Described ? "" : key.validator.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > PROPERTIES_WIDTH - 2) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
