package io.newsflow.ingest.article;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {

    private final ArticleLoader loader = new ArticleLoader();

    /** The one article of a parse that had no problems. */
    static ArticleEvent only(Parsed<ArticleEvent> parsed) {
        assertEquals(List.of(), parsed.problems());
        assertEquals(1, parsed.records().size());
        return parsed.records().get(0);
    }

    @Test
    void markdownWithFrontMatterMapsEveryField() {
        ArticleEvent a = only(loader.loadFile(resource("articles/front-matter-en.md")));

        assertEquals("wire-0001", a.getId());
        assertEquals("test-wire", a.getSource());
        assertEquals("https://example.test/wire-0001", a.getUrl());
        assertEquals("Cloud demand lifts results", a.getTitle());
        assertEquals("Alphabet reported strong cloud growth on Wednesday.\n\nShares rose in extended trading.", a.getBody());
        assertEquals("en", a.getLanguage());
        assertEquals(Instant.parse("2025-10-29T21:00:00Z"), a.getPublishedAt());
        assertEquals(List.of("Technology", "Markets"), a.getCategories());
        assertEquals(List.of("GOOGL", "earnings"), a.getTags());
        assertEquals("Test Desk", a.getAuthor());
        assertEquals(0.4, a.getUpstreamSentiment());
        assertEquals(2, a.getFragments().size());
    }

    @Test
    void japaneseFrontMatterGetsContentHashIdAndOffsetDate() {
        ArticleEvent a = only(loader.loadFile(resource("articles/front-matter-ja.md")));

        assertEquals("ja", a.getLanguage());
        assertTrue(a.getId().matches("sha256:[0-9a-f]{32}"), a.getId());
        assertEquals(Instant.parse("2025-10-30T13:00:00Z"), a.getPublishedAt());
        assertEquals(List.of("債券"), a.getCategories());
        assertNull(a.getUpstreamSentiment());
    }

    @Test
    void plainTextKeepsTitleAsPublishedAndTagsTheMarketPrefix() {
        ArticleEvent ja = only(loader.loadFile(resource("articles/plain-prefix.txt")));
        ArticleEvent en = only(loader.loadFile(resource("articles/plain-wire.txt")));

        assertEquals("【NY市場】メタ急落、ハイテク株に売り", ja.getTitle());
        assertEquals(List.of("NY市場"), ja.getTags());
        assertEquals("ja", ja.getLanguage());
        assertEquals(Instant.parse("2025-10-30T21:15:00Z"), ja.getPublishedAt());
        assertEquals("メタが大幅に下落した。設備投資の拡大への懸念が広がった。", ja.getBody());

        assertEquals("US STOCKS-Meta drags Nasdaq lower", en.getTitle());
        assertEquals(List.of("US STOCKS"), en.getTags());
        assertEquals("en", en.getLanguage());
    }

    @Test
    void jsonLinesYieldsGoodLinesAndReportsBadOnesWithLineNumbers() {
        Path file = resource("articles/feed.jsonl");
        Parsed<ArticleEvent> parsed = loader.loadFile(file);

        assertEquals(2, parsed.records().size());
        ArticleEvent first = parsed.records().get(0);
        assertEquals("feed-1", first.getId());
        assertEquals(0.3, first.getUpstreamSentiment());
        ArticleEvent second = parsed.records().get(1);
        assertEquals("ja", second.getLanguage());
        assertEquals(Instant.parse("2025-10-31T00:30:00Z"), second.getPublishedAt());

        Map<String, String> problems = byLocation(parsed.problems());
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("missing 'body'", problems.get(file + ":3"));
        assertTrue(problems.get(file + ":4").startsWith("invalid JSON"), problems.toString());
        assertTrue(problems.get(file + ":6").contains("[-1, 1]"), problems.toString());
    }

    @Test
    void aDirectoryLoadsGoodFilesAndReportsEachBadFileWithItsReason() {
        Path dir = resource("articles");
        Parsed<ArticleEvent> parsed = loader.load(List.of(dir));

        assertEquals(6, parsed.records().size(), "2 front matter + 2 plain + 2 JSON lines");
        Map<String, String> problems = byLocation(parsed.problems());
        assertEquals("broken front matter: no closing --- line", problems.get(dir.resolve("broken-front-matter.md").toString()));
        assertEquals("no text: file is empty", problems.get(dir.resolve("empty.txt").toString()));
        assertTrue(problems.get(dir.resolve("notes.pdf").toString()).startsWith("skipped"));
    }

    @Test
    void binaryInvalidUtf8AndOversizedFilesAreReported(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("image.txt"), new byte[] {'G', 'I', 'F', 0, 1, 2});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 news\n\nbody".getBytes(StandardCharsets.ISO_8859_1));
        Path big = Files.writeString(dir.resolve("big.txt"), "Title\n2025-10-30T00:00:00Z\n\n" + "x".repeat(2000));
        ArticleLoader small = new ArticleLoader(1000, "local", new ArticleFactory());

        Parsed<ArticleEvent> parsed = small.load(List.of(binary, latin1, big));

        assertEquals(List.of(), parsed.records());
        Map<String, String> problems = byLocation(parsed.problems());
        assertEquals("binary content (NUL bytes)", problems.get(binary.toString()));
        assertEquals("not valid UTF-8 text", problems.get(latin1.toString()));
        assertEquals("too large: 2028 bytes > limit 1000", problems.get(big.toString()));
    }

    @Test
    void brokenYamlAndMissingFieldsAreReported(@TempDir Path dir) throws IOException {
        Path badYaml = Files.writeString(dir.resolve("a.md"), "---\ntitle: [unclosed\n---\nbody\n");
        Path noTitle = Files.writeString(dir.resolve("b.md"), "---\ndate: 2025-10-30\n---\nbody\n");
        Path noDate = Files.writeString(dir.resolve("c.md"), "---\ntitle: T\n---\nbody\n");
        Path titleOnly = Files.writeString(dir.resolve("d.txt"), "Just a headline\n");

        Map<String, String> problems = byLocation(loader.load(List.of(badYaml, noTitle, noDate, titleOnly)).problems());

        assertTrue(problems.get(badYaml.toString()).startsWith("broken front matter: "), problems.toString());
        assertEquals("missing 'title'", problems.get(noTitle.toString()));
        assertEquals("missing 'date'", problems.get(noDate.toString()));
        assertEquals("no text: title only, empty body", problems.get(titleOnly.toString()));
    }

    @Test
    void reIngestingTheSameTextUnderAnotherNameGivesTheSameId(@TempDir Path dir) throws IOException {
        String text = "---\ntitle: Same story\ndate: 2025-10-30T20:00:00Z\nsource: s\n---\nBody  text.\n";
        Path one = Files.writeString(dir.resolve("one.md"), text);
        Path copy = Files.writeString(dir.resolve("copy-under-another-name.md"), text.replace("Body  text.", "Body text.\n"));
        Path edited = Files.writeString(dir.resolve("edited.md"), text.replace("Body", "New body"));

        String id = only(loader.loadFile(one)).getId();

        assertEquals(id, only(loader.loadFile(copy)).getId(), "whitespace differences do not change the id");
        assertEquals(id, only(loader.loadFile(one)).getId(), "re-ingesting gives the same id");
        assertNotEquals(id, only(loader.loadFile(edited)).getId());
        assertEquals(ArticleIds.contentHash("s", "Same story", "Body text."), id);
    }

    @Test
    void bodyKeepsAllTextButSeparatorLines(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("scraped.txt"),
                "Headline\n2025-10-30T00:00:00Z\n\nFirst part.\n---\nAdvertisement\nSecond part, cut\n＊＊＊\nFirst part.\n");

        ArticleEvent a = only(loader.loadFile(f));

        assertEquals("First part.\n\nSecond part, cut\n\nFirst part.", a.getBody());
        assertEquals(3, a.getFragments().size());
        assertEquals(0, a.getFragments().get(2).getRepeatOf());
        assertTrue(a.getFragments().get(1).getTruncated());
    }

    private static Map<String, String> byLocation(List<Problem> problems) {
        return problems.stream().collect(Collectors.toMap(Problem::location, Problem::reason, (a, b) -> a + "; " + b));
    }
}
