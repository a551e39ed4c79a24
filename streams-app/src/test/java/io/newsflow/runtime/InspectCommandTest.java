package io.newsflow.runtime;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow inspect} on fixtures written for the tests (ingest/web, ingest/inspect). */
class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int inspect(String... args) throws Exception {
        return new InspectCommand(new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args), AppConfig.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static String file(String name) {
        return resource(name).toString();
    }

    @Test
    void humanOutputShowsTheParsedFieldsFragmentsWithMarksAndEntitiesWithTheirEvidence() throws Exception {
        int code = inspect(file("web/web-page-run-together.txt"));

        String text = stdout();
        assertEquals(0, code, text);
        assertTrue(text.contains("  title        Meta slides as spending plans spook investors\n"), text);
        assertTrue(text.contains("  language     en\n"), text);
        assertTrue(text.contains("  publishedAt  2025-10-31T11:11:00Z (line 3: 'yyyy/MM/dd HH:mm', no zone: assumed UTC)\n"),
                text);
        assertTrue(text.contains("  fragments    7 (repeated 1, truncated 0); repeated share 0.5"), text);
        assertTrue(text.contains("    [0] repeat of 1"), text);
        assertTrue(text.contains("    [2]                        Shares of Meta Platforms (NASDAQ: META) fell sharply"), text);
        assertTrue(text.contains("    Meta Platforms (META)  relevance "), text);
        assertTrue(text.contains("      evidence: "), text);
        assertFalse(text.contains("]("), "the fragments shown are the cleaned text");
    }

    @Test
    void jsonIsOneObjectPerArticlePerLineWithTheDocumentedFields() throws Exception {
        int code = inspect("--json", file("web/web-page-run-together.txt"), file("web/ja-page.txt"));

        assertEquals(0, code);
        List<JsonNode> articles = jsonLines();
        assertEquals(2, articles.size());
        JsonNode ja = articles.get(1);
        assertEquals("メタ株が急落、設備投資の拡大を嫌気", ja.get("title").asText());
        assertEquals("ja", ja.get("language").asText());
        assertEquals("2025-10-31T02:11:00Z", ja.get("publishedAt").asText());
        assertEquals("line 2: Japanese 'yyyy年M月d日 H:mm', no zone: assumed Asia/Tokyo", ja.get("publishedAtSource").asText());
        assertTrue(ja.get("id").asText().startsWith("sha256:"));
        assertEquals(0.0, ja.get("repeatedShare").asDouble());
        JsonNode meta = ja.get("entities").get(0);
        assertEquals("Meta Platforms", meta.get("entity").asText());
        assertEquals("META", meta.get("ticker").asText());
        assertTrue(meta.get("sentiment").asDouble() < 0, "急落 and 嫌気: " + meta);
        assertTrue(meta.get("confidence").asDouble() > 0);
        assertTrue(meta.get("evidence").isArray() && meta.get("evidence").size() > 0, meta.toString());
        for (String field : List.of("relevance", "mentions")) {
            assertTrue(meta.has(field), field);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void entitiesAreOrderedByRelevanceHighestFirst() throws Exception {
        inspect("--json", file("inspect/cloud-title.md"));

        JsonNode entities = jsonLines().get(0).get("entities");
        assertEquals("Alphabet", entities.get(0).get("entity").asText(), "named in the title and the tags");
        assertTrue(entities.size() >= 2, entities.toString());
        for (int i = 1; i < entities.size(); i++) {
            assertTrue(entities.get(i - 1).get("relevance").asDouble() >= entities.get(i).get("relevance").asDouble(),
                    entities.toString());
        }
    }

    @Test
    void theRepeatedShareOfAPageWithItsTextTwiceIsHalfByCharacters() throws Exception {
        inspect("--json", file("inspect/text-twice.txt"), file("web/web-page-run-together.txt"));

        List<JsonNode> articles = jsonLines();
        assertEquals(0.5, articles.get(0).get("repeatedShare").asDouble(), 1e-9, "the same two paragraphs twice");
        double runTogether = articles.get(1).get("repeatedShare").asDouble();
        assertTrue(runTogether > 0.45 && runTogether < 0.55,
                "once run together in one line, once in paragraphs (the copy keeps the title and headings): " + runTogether);
    }

    @Test
    void anArticleNearlyTheSameAsOneInspectedBeforeItIsANearDuplicateOfIt(@TempDir Path dir) throws Exception {
        Path repost = dir.resolve("repost.txt");
        Files.writeString(repost, Files.readString(resource("web/web-page-run-together.txt"))
                .replace("next week", "next month"));

        inspect("--json", file("web/web-page-run-together.txt"), file("web/ja-page.txt"), repost.toString());

        List<JsonNode> articles = jsonLines();
        assertTrue(articles.get(0).get("nearDuplicateOf").isNull(), "nothing before the first");
        assertTrue(articles.get(1).get("nearDuplicateOf").isNull(), "another article");
        assertEquals(articles.get(0).get("id").asText(), articles.get(2).get("nearDuplicateOf").asText());
        assertTrue(articles.get(2).get("similarity").asDouble() >= 0.8, articles.get(2).toString());
    }

    @Test
    void badFilesGiveTheSameLinesAndExitCodeAsProduce() throws Exception {
        String broken = file("articles/broken-front-matter.md");
        String good = file("web/jekyll-post.md");
        for (List<String> files : List.of(List.of(broken), List.of(broken, good), List.of("no-such-file.md"))) {
            out.reset();
            int inspected = inspect(files.toArray(String[]::new));
            List<String> inspectBad = badInputLines(stdout());

            ByteArrayOutputStream produced = new ByteArrayOutputStream();
            List<String> produceArgs = Stream.concat(Stream.of("articles"), Stream.concat(files.stream(), Stream.of("--dry-run")))
                    .toList();
            int produce = new ProduceCommand().run(produceArgs, AppConfig.defaults(),
                    new PrintStream(produced, true, StandardCharsets.UTF_8));

            assertEquals(produce, inspected, files.toString());
            assertFalse(inspectBad.isEmpty());
            assertEquals(badInputLines(produced.toString(StandardCharsets.UTF_8)), inspectBad, files.toString());
        }
    }

    @Test
    void withJsonTheBadInputLinesGoToStderrSoStdoutStaysJsonLines() throws Exception {
        int code = inspect("--json", file("articles/broken-front-matter.md"), file("web/jekyll-post.md"));

        assertEquals(1, code);
        assertEquals(1, jsonLines().size());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bad input: " + file("articles/broken-front-matter.md")
                + ": broken front matter"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutFilesOrWithAnUnknownOptionItIsAUsageError() {
        assertThrows(UsageException.class, this::inspectNothing);
        assertThrows(UsageException.class, () -> inspect("--yaml", file("web/jekyll-post.md")));
    }

    private void inspectNothing() throws Exception {
        inspect("--json");
    }

    private static List<String> badInputLines(String output) {
        return output.lines().filter(l -> l.startsWith("bad input: ")).toList();
    }
}
