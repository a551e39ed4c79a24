package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration tables of docs/configuration.md and the defaults resource newsflow.properties are
 * generated from NewsflowConfigDef: they must say what the definition says. Run with
 * {@code -Dnewsflow.config.docs.write=true} to regenerate them.
 */
class ConfigDocsTest {

    private static final boolean WRITE = Boolean.getBoolean("newsflow.config.docs.write");

    @Test
    void docsTablesAreTheDefinitions() throws IOException {
        Path docs = RepoFiles.path(ConfigDocs.DOCS_FILE);
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        assertSame(docs, ConfigDocs.replaceGenerated(text), text);
    }

    @Test
    void defaultsResourceIsTheDefinitions() throws IOException {
        Path properties = RepoFiles.path(ConfigDocs.PROPERTIES_FILE);
        assertSame(properties, ConfigDocs.properties(), Files.readString(properties, StandardCharsets.UTF_8));
    }

    @Test
    void everyProfileLoadsThroughTheDefinition() {
        List<Path> profiles = RepoFiles.list("config", ".properties");

        assertFalse(profiles.isEmpty());
        for (Path profile : profiles) {
            assertDoesNotThrow(() -> AppConfig.load(profile, Map.of(), Map.of()), profile.toString());
        }
    }

    private static void assertSame(Path file, String generated, String checkedIn) throws IOException {
        if (generated.equals(checkedIn)) {
            return;
        }
        if (WRITE) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        fail(file + " disagrees with NewsflowConfigDef; regenerate it with"
                + " mvn -pl streams-app -am test -Dtest=ConfigDocsTest -Dnewsflow.config.docs.write=true\n"
                + firstDifference(generated.lines().toList(), checkedIn.lines().toList()));
    }

    private static String firstDifference(List<String> generated, List<String> checkedIn) {
        int line = 0;
        while (line < generated.size() && line < checkedIn.size() && generated.get(line).equals(checkedIn.get(line))) {
            line++;
        }
        return "first difference at line " + (line + 1) + ":\n  generated:  " + at(generated, line)
                + "\n  checked in: " + at(checkedIn, line);
    }

    private static String at(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "(end of file)";
    }
}
