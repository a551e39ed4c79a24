package io.newsflow.text;

import static io.newsflow.text.Articles.en;
import static io.newsflow.text.Articles.ja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped learned models, entity by entity, on sentences the project wrote: what changes decides the tone,
 * not the topic word ("loss" narrowing is good news, "profit" halving bad), and every score explains itself.
 */
class ModelSentimentScorerTest {

    private static final AliasDictionary DICTIONARY = AliasDictionary.defaults();
    private static final ModelSentimentScorer SCORER = new ModelSentimentScorer(DICTIONARY,
            SentimentModel.defaults(Language.EN), SentimentModel.defaults(Language.JA));
    private static final EntityMention META = new EntityMention("Meta Platforms", "META", 1.0, 1);
    private static final EntityMention NVIDIA = new EntityMention("NVIDIA", "NVDA", 1.0, 1);

    private static SentimentScore meta(ArticleEvent article) {
        return SCORER.score(article, META);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "en|Meta said its net loss narrowed to 2 million dollars from 9 million dollars.|+",
            "en|Meta said its profit halved in the third quarter.|-",
            "en|Meta said costs rose by 12 percent in the quarter.|-",
            "en|Meta said sales rose by 12 percent in the quarter.|+",
            "en|Meta said operating profit fell to 40 million dollars from 55 million dollars.|-",
            "en|Meta said its operating costs decreased by 8 percent.|+",
            "en|Meta reported revenue of 310 million dollars, compared to 250 million dollars a year earlier.|+",
            "ja|メタの当期の売上高は前年同期比12%増の300億円となり、増収となりました。|+",
            "ja|メタの営業利益は前年同期比8%減の40億円となり、減益となりました。|-",
            "ja|メタは原材料価格の高騰により利益が圧迫されました。|-",
            "ja|メタの受注高は計画を上回りました。|+",
            "ja|メタの販売台数は計画を下回りました。|-",
            "ja|先行き不透明な状況が続くなか、メタの売上高は前年を上回り、営業利益も増加しました。|+"})
    void theDirectionOfChangeKnowsWhatChanges(String language, String sentence, String sign) {
        SentimentScore s = meta(language.equals("ja") ? ja("決算", sentence) : en("Quarterly update", sentence));
        assertEquals(sign.equals("+") ? 1.0 : -1.0, Math.signum(s.score()), s.toString());
    }

    @Test
    void twoCompaniesInOneArticleGetTheirOwnTones() {
        ArticleEvent article = en("Chip and ad results",
                "Nvidia said quarterly revenue rose 40 percent to a record on strong demand for its chips. "
                        + "Meta said its advertising revenue fell 15 percent and it will cut 2,000 jobs.");
        SentimentScore nvidia = SCORER.score(article, NVIDIA);
        SentimentScore meta = meta(article);
        assertTrue(nvidia.score() > 0, nvidia.toString());
        assertTrue(meta.score() < 0, meta.toString());
    }

    @Test
    void clausesOfOneSentenceNamingBothCompaniesAreAttributedSeparately() {
        ArticleEvent article = en("Results", "Nvidia said its sales rose sharply, while Meta said its sales fell.");
        assertTrue(SCORER.score(article, NVIDIA).score() > 0, SCORER.score(article, NVIDIA).toString());
        assertTrue(meta(article).score() < 0, meta(article).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Meta said its net loss narrowed to 2 million dollars from 9 million dollars.",
            "Meta shares plunged after the company cut its outlook and warned of weak demand.",
            "Meta will hold its annual meeting in May.",
            "Meta's quarterly revenue rose 20 percent to a record, and the company raised its dividend. " + LONG_TAIL})
    void everyScoreIsInRangeAndEveryPolarScoreNamesBoundedSignedReasons(String body) {
        SentimentScore s = meta(en("Meta news", body));
        assertTrue(s.score() >= -1 && s.score() <= 1, s.toString());
        assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s.toString());
        assertTrue(s.evidence().size() <= EvidenceSpans.MAX_SPANS, s.toString());
        for (EvidenceSpan span : s.evidence()) {
            assertTrue(span.text().length() <= EvidenceSpans.MAX_CHARS, span.toString());
            assertTrue(("Meta news " + body).contains(span.text().split(" … ")[0]), "the words are the text's: " + span);
        }
        for (String reason : s.matchedTerms()) {
            assertTrue(reason.matches("[+-]\\d+\\.\\d\\d .+"), reason);
        }
        if (s.score() != 0) {
            assertFalse(s.evidence().isEmpty(), s.toString());
        }
    }

    private static final String LONG_TAIL = "The company said in a statement that the figures include the results of "
            + "all its subsidiaries and that the board will discuss the matter at a meeting scheduled for next month "
            + "at its headquarters in California, where it has been based for more than a decade.";

    @Test
    void theEvidenceIsTheWordsOfTheChangeForTheWorseNeverFeatureIdsOrFunctionWords() {
        SentimentScore s = meta(en("Meta update", "Meta said that its profit halved in the third quarter."));
        EvidenceSpan strongest = s.evidence().get(0);
        assertTrue(strongest.weight() < 0 && strongest.text().contains("profit halved"), s.toString());
        for (EvidenceSpan span : s.evidence()) {
            assertFalse(span.text().matches(".*\\b(chg|dir|lex|not):.*"), "no feature ids: " + span);
            assertFalse(span.text().equals("that") || span.text().equals("in the"), "no function words: " + span);
        }
        assertTrue(s.matchedTerms().get(0).matches("-\\d+\\.\\d\\d .*profit halved.*"), s.toString());
    }

    @Test
    void aClearHeadlineIsSurerThanAMostlyNeutralArticle() {
        SentimentScore clear = meta(en("Meta profit halves as costs soar", "Meta said its profit halved."));
        SentimentScore diluted = meta(en("Meta annual meeting",
                "Meta will hold its annual meeting in May. The meeting will take place in California. "
                        + "Shareholders will vote on the board. Meta said its profit halved."));
        assertTrue(clear.confidence() > diluted.confidence(), clear + " vs " + diluted);
    }

    @Test
    void anEntityOnlyInTheTagsIsScoredOnTheWholeTextWithLessConfidence() {
        ArticleEvent tagged = en("Quarterly update", "The company said its sales rose by 12 percent.", "META");
        ArticleEvent named = en("Quarterly update", "Meta said its sales rose by 12 percent.");
        SentimentScore fromTags = meta(tagged);
        assertTrue(fromTags.score() > 0, fromTags.toString());
        assertTrue(fromTags.confidence() < meta(named).confidence(), fromTags + " vs " + meta(named));
    }

    @Test
    void noTextMeansNoEvidence() {
        assertEquals(SentimentScore.none(), SCORER.score(null, META));
        assertEquals(List.of(), meta(en("", "")).matchedTerms());
        assertEquals(0.0, meta(en("", "")).confidence());
    }
}
