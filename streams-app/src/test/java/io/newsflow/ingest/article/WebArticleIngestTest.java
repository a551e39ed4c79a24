package io.newsflow.ingest.article;

import static io.newsflow.ingest.TestFiles.resource;
import static io.newsflow.ingest.article.ArticleLoaderTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import io.newsflow.ingest.Parsed;
import io.newsflow.topology.article.ArticlePieces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Article files in the shapes they come in from the web (fixtures under ingest/web, written for the tests). */
class WebArticleIngestTest {

    private final ArticleLoader loader = new ArticleLoader();

    /** Jekyll's default date format with either offset style, a page's own date line, a Japanese date. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "web/jekyll-post.md            | 2025-10-31T02:11:16Z | date: Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'",
            "web/jekyll-post-tokyo.md      | 2025-10-31T02:11:16Z | date: Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'",
            "web/web-page-run-together.txt | 2025-10-31T11:11:00Z | line 3: 'yyyy/MM/dd HH:mm', no zone: assumed UTC",
            "web/ja-page.txt               | 2025-10-31T02:11:00Z | line 2: Japanese 'yyyy年M月d日 H:mm', no zone: assumed Asia/Tokyo"})
    void aWebFilesDateIsReadAndSaysWhereItCameFrom(String file, String publishedAt, String source) {
        ArticleEvent a = only(loader.loadFile(resource(file)));

        assertEquals(Instant.parse(publishedAt), a.getPublishedAt());
        assertEquals(source, a.getPublishedAtSource());
    }

    @Test
    void aJekyllPostsTitleIsTheOneInItsFrontMatter() {
        ArticleEvent a = only(loader.loadFile(resource("web/jekyll-post.md")));

        assertEquals("Meta's bond sale draws a deep order book", a.getTitle());
    }

    @Test
    void aWebPageWhoseFirstLineIsTheWholeTextRunTogetherGetsItsRealTitleAndItsCopyIsARepeat() {
        ArticleEvent a = only(loader.loadFile(resource("web/web-page-run-together.txt")));

        assertEquals("Meta slides as spending plans spook investors", a.getTitle());
        assertTrue(a.getBody().startsWith("Meta slides as spending plans spook investors ## Spending worries Shares of"),
                "the run-together line stays in the body as the source wrote it");
        assertTrue(a.getBody().contains("[(NASDAQ: META)](/market-activity/stocks/meta)"), "the body keeps the markup");

        List<ArticleFragment> f = a.getFragments();
        assertEquals(7, f.size(), "the run-together line, then six paragraphs on single newlines");
        assertEquals(1, f.get(0).getRepeatOf(), "the run-together copy is the repeat (of the paragraphs from 1 on)");
        for (int i = 1; i < f.size(); i++) {
            assertNull(f.get(i).getRepeatOf(), "paragraph " + i + " is an original");
        }
        assertEquals("Spending worries", f.get(1).getText());
        assertEquals("Shares of Meta Platforms (NASDAQ: META) fell sharply on Thursday after the company raised its "
                + "capital spending forecast for next year.", f.get(2).getText());
        assertEquals("Alphabet (NASDAQ: GOOGL) rose after its cloud unit reported strong growth, and Microsoft edged "
                + "lower.", f.get(5).getText());
        assertFalse(f.get(0).getText().contains("]("), f.get(0).getText());
        assertFalse(f.get(0).getText().contains("chart"), "images are removed");
        assertFalse(f.get(1).getTruncated(), "a heading is not cut off");

        double share = ArticlePieces.repeatedShare(a);
        assertTrue(share > 0.45 && share < 0.55, "about half the text is the second copy: " + share);
    }

    @Test
    void aJapanesePageIsJapaneseWithAFragmentPerParagraph() {
        ArticleEvent a = only(loader.loadFile(resource("web/ja-page.txt")));

        assertEquals("ja", a.getLanguage());
        assertEquals(3, a.getFragments().size(), "paragraphs on single newlines are fragments");
    }

    @Test
    void rfc2822DatesInJsonLines() {
        Parsed<ArticleEvent> parsed = loader.loadFile(resource("web/rfc2822.jsonl"));

        assertEquals(List.of(), parsed.problems());
        for (ArticleEvent a : parsed.records()) {
            assertEquals(Instant.parse("2025-10-31T02:11:16Z"), a.getPublishedAt(), a.getId());
            assertEquals("publishedAt: RFC 1123/2822", a.getPublishedAtSource());
        }
    }

    @Test
    void sectionsRepeatedAfterAnEndMarkerAreRepeatsAndTheMarkerIsNoFragment() {
        ArticleEvent a = only(loader.loadFile(resource("web/repeated-after-marker.txt")));

        List<ArticleFragment> f = a.getFragments();
        assertEquals(4, f.size());
        assertEquals(List.of(false, false, true, true), f.stream().map(x -> x.getRepeatOf() != null).toList());
        assertTrue(f.stream().noneMatch(x -> x.getText().contains("END")));
        assertEquals(0.5, ArticlePieces.repeatedShare(a), 1e-9);
    }

    @Test
    void aTitleIsNeverLongerThanTheBoundEvenWhenThePageHasNoShortLine(@TempDir Path dir) throws Exception {
        String sentence = "Meta Platforms shares fell on Thursday after the company raised its spending plans again. ";
        Path file = dir.resolve("long.txt");
        Files.writeString(file, sentence.repeat(30) + "\n" + "2025-10-31T00:00:00Z\n" + sentence.repeat(30));

        ArticleEvent a = only(loader.loadFile(file));

        assertTrue(a.getTitle().length() <= Titles.MAX_LENGTH, a.getTitle());
        assertTrue(a.getTitle().endsWith("."), "cut after a sentence: " + a.getTitle());
    }

    @Test
    void aMarkdownHeadingIsTheTitleWhenTheFirstLineIsImplausible(@TempDir Path dir) throws Exception {
        String run = "Alphabet rose on cloud growth and Microsoft slipped on spending worries in a busy session. ";
        Path file = dir.resolve("heading.txt");
        Files.writeString(file, run.repeat(4) + "\n\n# Cloud lifts **Alphabet**\n\n" + run.strip() + "\n");

        ArticleEvent a = only(loader.loadFile(file));

        assertEquals("Cloud lifts Alphabet", a.getTitle(), "heading marks and emphasis are not part of the title");
    }

    @Test
    void markupIsRemovedWordsAreKept() {
        assertEquals("See Meta and (NASDAQ: META) now.",
                clean("See [Meta](https://example.test/m \"title\") and [(NASDAQ: META)](/market-activity/stocks/meta) now."));
        assertEquals("Results Shares rose, sharply and fast.",
                clean("## Results <!-- ad --> Shares rose, **sharply** and _fast_."));
        assertEquals("AT&T said \"yes\" – code here", clean("<p>AT&amp;T said &quot;yes&quot; &ndash; `code` here</p>"));
        assertEquals("snake_case_name stays, 2 * 3 * 4 too, #1 too", clean("snake_case_name stays, 2 * 3 * 4 too, #1 too"));
        assertEquals("before after", clean("before ---END--- after"));
        assertEquals("quoted", clean("> quoted"));
    }

    private static String clean(String text) {
        return TextNormalizer.whitespace(Markup.strip(text));
    }
}
