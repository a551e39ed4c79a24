package io.newsflow.topology;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
