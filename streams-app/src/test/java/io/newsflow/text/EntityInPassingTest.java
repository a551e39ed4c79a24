package io.newsflow.text;

import static io.newsflow.text.Articles.ja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A company named once in passing in a long article about another stays near neutral unless the text says
 * something plain about it (issue 19). Articles written for this test.
 */
class EntityInPassingTest {

    private static final AliasDictionary DICTIONARY = AliasDictionary.defaults();
    private static final AliasEntityResolver RESOLVER = new AliasEntityResolver(DICTIONARY);
    private static final ModelSentimentScorer SCORER = new ModelSentimentScorer(DICTIONARY,
            SentimentModel.defaults(Language.EN), SentimentModel.defaults(Language.JA));

    private static final String TITLE = "インテル、新型半導体の販売が好調　データセンター向けも伸びる";
    private static final String OPENING = "インテルの新型半導体の販売が好調だ。同社が発表した四半期決算では、売上高が前年同期比で"
            + "12%増加した。データセンター向けの収益も過去最高を更新した。";
    private static final String CLOSING = "インテルは来年、国内の工場への投資を増やす計画だ。市場では同社の成長が続くとの見方が多い。";

    @Test
    void aCompanyNamedOnceInALongArticleAboutAnotherWeighsAsAMentionInPassing() {
        ArticleEvent article = ja(TITLE, OPENING + "部品の分野では、クアルコムなども新しい製品の準備を進めている。" + CLOSING);
        assertEquals(List.of(EntityPlacement.IN_PASSING), boostsOfNamedSentences(article, "Qualcomm"));
        assertEquals(1.0, boostsOfNamedSentences(article, "Intel").get(1), 1e-9, "the article's subject is not in passing");
    }

    @Test
    void aCompanyNamedTwiceOrInAShortArticleIsNotInPassing() {
        ArticleEvent twice = ja(TITLE, OPENING + "クアルコムも新しい製品の準備を進めている。" + CLOSING
                + "クアルコムの製品は来年に発売される。");
        assertTrue(boostsOfNamedSentences(twice, "Qualcomm").stream().allMatch(b -> b == 1.0));
        ArticleEvent shortOne = ja("インテル、販売が好調", "インテルの販売が好調だ。クアルコムも新しい製品の準備を進めている。");
        assertTrue(boostsOfNamedSentences(shortOne, "Qualcomm").stream().allMatch(b -> b == 1.0));
    }

    @Test
    void aMildSentenceNamingACompanyInPassingLeavesItNearNeutral() {
        ArticleEvent article = ja(TITLE, OPENING + "部品の分野では、クアルコムなども新しい製品の準備を進めている。" + CLOSING);
        SentimentScore intel = scored(article, "Intel");
        SentimentScore qualcomm = scored(article, "Qualcomm");
        assertTrue(intel.score() >= 0.25, "the subject keeps the article's tone: " + intel);
        assertTrue(Math.abs(qualcomm.score()) < 0.25, "in passing: " + qualcomm);
    }

    @Test
    void aPlainStatementAboutACompanyNamedOnceStillCounts() {
        ArticleEvent article = ja(TITLE, OPENING + "一方、クアルコムは大口の顧客を失い、営業赤字に転落した。" + CLOSING);
        SentimentScore qualcomm = scored(article, "Qualcomm");
        assertTrue(qualcomm.score() <= -0.25, "said plainly: " + qualcomm);
    }

    private static SentimentScore scored(ArticleEvent article, String entity) {
        return SCORER.score(article, mention(article, entity));
    }

    private static EntityMention mention(ArticleEvent article, String entity) {
        EntityMention mention = RESOLVER.resolve(article).stream().filter(m -> m.entity().equals(entity))
                .findFirst().orElse(null);
        assertNotNull(mention, entity + " resolved in " + RESOLVER.resolve(article));
        return mention;
    }

    /** The weight factor ({@code boost}) of each sentence naming the entity, in text order. */
    private static List<Double> boostsOfNamedSentences(ArticleEvent article, String entity) {
        ArticleText text = ArticleText.of(article);
        EntityPlacement placement = EntityPlacement.of(text, DICTIONARY, mention(article, entity));
        List<Double> boosts = new ArrayList<>();
        placement.forEachSentence(text, sentence -> {
            if (sentence.mentions().stream().anyMatch(placement::isTarget)) {
                boosts.add(sentence.boost());
            }
        });
        return boosts;
    }
}
