package io.newsflow.topology;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.ingest.article.ArticleLoader;
import io.newsflow.topology.article.AnalysisText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTextTest {

    @Test
    void theAnalysisReadsTheOriginalFragmentsWithoutMarkupOnceEach() {
        ArticleEvent page = new ArticleLoader().loadFile(resource("web/web-page-run-together.txt")).records().get(0);

        ArticleEvent analysed = AnalysisText.of(page);

        assertEquals(String.join("\n\n",
                "Spending worries",
                "Shares of Meta Platforms (NASDAQ: META) fell sharply on Thursday after the company raised its capital "
                        + "spending forecast for next year.",
                "Analysts said the higher outlay on data centres would weigh on margins while the payoff from AI remains "
                        + "uncertain.",
                "Cloud names hold up",
                "Alphabet (NASDAQ: GOOGL) rose after its cloud unit reported strong growth, and Microsoft edged lower.",
                "Traders expect volatility in large technology stocks to stay high into next week."), analysed.getBody());
        assertEquals(page.getTitle(), analysed.getTitle());
        assertEquals(page.getFragments(), analysed.getFragments());
    }

    @Test
    void anArticleWithoutFragmentsIsReadAsItIs() {
        ArticleEvent plain = ArticleEvent.newBuilder().setId("a").setSource("s").setTitle("t").setBody("b [x](y)")
                .setLanguage("en").setPublishedAt(Instant.EPOCH).setFragments(List.of()).build();

        assertSame(plain, AnalysisText.of(plain));
    }

    @Test
    void aTextWithinTheCapIsReadWholeAndSaysNothingWasCut() {
        ArticleEvent article = article("Meta rises", "Meta rose.");

        AnalysisText text = AnalysisText.capped(article, 100);

        assertEquals("Meta rose.", text.article().getBody());
        assertNull(text.analysedChars());
    }

    @Test
    void aLongerTextIsCutAtAWordBoundaryWithinTheCapTitleIncludedAndSaysHowMuchWasRead() {
        ArticleEvent article = article("Meta rises", "Meta rose. ".repeat(10_000));

        AnalysisText text = AnalysisText.capped(article, 1000);

        String body = text.article().getBody();
        assertEquals("Meta rises", text.article().getTitle());
        assertTrue(body.length() <= 1000 - "Meta rises".length() && body.endsWith("rose."), body);
        assertEquals(Integer.valueOf("Meta rises".length() + body.length()), text.analysedChars());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        ArticleEvent article = article("", "\uD83D\uDCC8".repeat(100)); // chart emoji, two chars each

        String body = AnalysisText.capped(article, 51).article().getBody();

        assertEquals(50, body.length());
        assertTrue(Character.isLowSurrogate(body.charAt(body.length() - 1)));
    }

    private static ArticleEvent article(String title, String body) {
        return ArticleEvent.newBuilder().setId("a").setSource("s").setTitle(title).setBody(body)
                .setLanguage("en").setPublishedAt(Instant.EPOCH).build();
    }
}
