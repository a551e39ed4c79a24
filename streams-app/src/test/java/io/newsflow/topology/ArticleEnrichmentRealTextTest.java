package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.text.TextAnalysis;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Enrichment with the real text analysis (alias resolver, learned sentiment model, MinHash), English and Japanese. */
class ArticleEnrichmentRealTextTest {

    private static TopologyFixture fixture() {
        TextAnalysis text = TextAnalysis.defaults();
        return new TopologyFixture(TopologySettings.defaults(), text.entityResolver(), text.sentimentScorer(),
                text.fingerprinter());
    }

    private static final String EN_BODY = "Meta Platforms reported third-quarter results after the U.S. close on "
            + "Wednesday and raised its capital expenditure guidance.\n\nInvestors focused on the cost rather than "
            + "the revenue beat. Shares fell sharply in extended trading, and analysts voiced concern that the "
            + "spending plans carry risk if returns on AI investment take longer to arrive. OpenAI was not "
            + "part of the announcement.";

    private static final String JA_TITLE = "メタ株が時間外で急落、設備投資の拡大に懸念";
    private static final String JA_BODY = "メタ・プラットフォームズは29日、7〜9月期決算を発表した。"
            + "設備投資の見通しを引き上げたことで費用の増加への懸念が広がり、株価は時間外取引で急落した。\n\n"
            + "アナリストはAI投資の回収に時間がかかるリスクを指摘している。";

    @Test
    void anEnglishCapexStoryIsNegativeForMetaAndAlsoNamesOpenAi() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("en-1", "Meta shares slide after hours as capex guidance climbs", EN_BODY, at("12:00"))
                    .setTags(List.of("META")).setUpstreamSentiment(-0.5).build());

            Map<String, ScoredArticle> byKey = f.scores.readKeyValuesToList().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
            ScoredArticle meta = byKey.get("META");
            assertEquals("META", meta.getTicker());
            assertTrue(meta.getSentiment() < 0, "sentiment " + meta.getSentiment() + " " + meta.getMatchedTerms());
            assertTrue(meta.getRelevance() > 0.5, "relevance " + meta.getRelevance());
            assertEquals(-0.5, meta.getUpstreamSentiment());
            assertTrue(byKey.containsKey("OpenAI"), byKey.keySet().toString());
            assertNull(byKey.get("OpenAI").getTicker());
        }
    }

    @Test
    void aJapaneseStoryResolvesMetaByItsKatakanaNameAndScoresNegative() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("ja-1", JA_TITLE, JA_BODY, at("12:00")).setLanguage("ja").build());

            List<KeyValue<String, ScoredArticle>> out = f.scores.readKeyValuesToList();
            ScoredArticle meta = out.stream().filter(kv -> kv.key.equals("META")).findFirst().orElseThrow().value;
            assertEquals("ja", meta.getLanguage());
            assertTrue(meta.getSentiment() < 0, "sentiment " + meta.getSentiment() + " " + meta.getMatchedTerms());
            assertTrue(meta.getMatchedTerms().stream().anyMatch(t -> t.contains("急落") || t.contains("懸念")),
                    meta.getMatchedTerms().toString());
            assertEquals(1.0, meta.getNovelty());

            SentimentRolling rolling = f.sentiment.readValuesToList().get(0);
            assertEquals(Map.of("ja", 1L), rolling.getLanguageCounts());
            assertEquals(1.0, f.counter("newsflow.articles.scored", "ticker", "META", "language", "ja"));
        }
    }

    @Test
    void aRepostedJapaneseStoryWithAnEditedEndingIsANearDuplicate() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("ja-1", JA_TITLE, JA_BODY, at("12:00")).setLanguage("ja").build());
            f.publish(article("ja-repost", JA_TITLE, JA_BODY + "（共同）", at("12:10")).setLanguage("ja").build());

            List<ScoredArticle> meta = f.scores.readValuesToList().stream()
                    .filter(s -> "META".equals(s.getTicker())).toList();
            assertEquals(2, meta.size());
            assertEquals("ja-1", meta.get(1).getDuplicateOf());
            assertTrue(meta.get(1).getNovelty() < 0.2, "novelty " + meta.get(1).getNovelty());

            List<SentimentRolling> hourly = f.sentiment.readValuesToList().stream()
                    .filter(r -> r.getWindowLabel().equals("1h")).toList();
            assertEquals(1, hourly.get(hourly.size() - 1).getArticleCount(), "the repost is not counted");
        }
    }

    @Test
    void anEnglishWireCopyWithOneWordChangedIsANearDuplicate() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("wire", "Meta shares slide after hours as capex guidance climbs", EN_BODY, at("12:00")).build());
            f.publish(article("syndicated", "Meta shares slide after hours as capex guidance climbs",
                    EN_BODY.replace("sharply", "steeply"), at("12:30")).build());

            ScoredArticle copy = f.scores.readValuesToList().stream()
                    .filter(s -> s.getArticleId().equals("syndicated") && "META".equals(s.getTicker()))
                    .findFirst().orElseThrow();
            assertEquals("wire", copy.getDuplicateOf());
            assertTrue(copy.getNovelty() < 0.2, "novelty " + copy.getNovelty());
        }
    }

    @Test
    void twoCompaniesOfOppositeToneInOneArticleGetTheirOwnScoresAndConfidences() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("en-2", "Chipmaker and social network report",
                    "Nvidia said quarterly revenue rose 40 percent to a record on strong demand for its chips. "
                            + "Meta said its advertising revenue fell 15 percent and it will cut 2,000 jobs.",
                    at("12:00")).build());

            Map<String, ScoredArticle> byKey = f.scores.readKeyValuesToList().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
            ScoredArticle nvidia = byKey.get("NVDA");
            ScoredArticle meta = byKey.get("META");
            assertTrue(nvidia.getSentiment() > 0, nvidia.toString());
            assertTrue(meta.getSentiment() < 0, meta.toString());
            for (ScoredArticle scored : List.of(nvidia, meta)) {
                assertTrue(scored.getConfidence() > 0 && scored.getConfidence() <= 1, scored.toString());
                assertTrue(!scored.getMatchedTerms().isEmpty(), scored.toString());
            }
        }
    }

    @Test
    void aJapaneseResultAfterAnUncertainOutlookPreambleIsPositiveForTheCompany() {
        try (TopologyFixture f = fixture()) {
            f.publish(article("ja-2", "メタの決算",
                    "先行き不透明な状況が続くなか、メタの売上高は前年同期比12%増となり、営業利益も増加しました。",
                    at("12:00")).setLanguage("ja").build());

            ScoredArticle meta = f.scores.readValuesToList().stream()
                    .filter(s -> "META".equals(s.getTicker())).findFirst().orElseThrow();
            assertTrue(meta.getSentiment() > 0, meta.toString());
            assertTrue(meta.getConfidence() > 0, meta.toString());
        }
    }
}
