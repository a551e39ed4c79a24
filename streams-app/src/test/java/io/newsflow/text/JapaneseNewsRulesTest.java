package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the Japanese rule layer decides a sentence and when it leaves it to the model. */
class JapaneseNewsRulesTest {

    @Test
    void eventsOfOneSignDecideAndAFactAloneIsNeutral() {
        assertEquals(SentimentLabel.NEGATIVE, JapaneseNewsRules.ruling(Set.of("evt:-", "工場"), true));
        assertEquals(SentimentLabel.POSITIVE, JapaneseNewsRules.ruling(Set.of("evt:+"), true));
        assertNull(JapaneseNewsRules.ruling(Set.of("evt:+", "chg:-"), true));
        assertEquals(SentimentLabel.NEUTRAL, JapaneseNewsRules.ruling(Set.of("fact", "決算"), true));
        assertNull(JapaneseNewsRules.ruling(Set.of("fact", "lex:-"), true));
    }

    @Test
    void aRulingWinsWhereTheModelHesitates() {
        double[] p = JapaneseNewsRules.apply(SentimentLabel.NEGATIVE, 0.2, 0.45, 0.35);
        assertEquals(0.6, p[0], 1e-9);
        assertEquals(0.225, p[1], 1e-9);
        assertEquals(0.175, p[2], 1e-9);
    }

    @Test
    void aModelSureOfItsClassKeepsIt() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.7}, JapaneseNewsRules.apply(SentimentLabel.NEGATIVE, 0.1, 0.2, 0.7),
                1e-12);
        assertArrayEquals(new double[] {0.05, 0.8, 0.15}, JapaneseNewsRules.apply(SentimentLabel.POSITIVE, 0.05, 0.8, 0.15),
                1e-12);
    }

    private static final SentimentFeatures FEATURES = SentimentModel.defaults(Language.JA).features();

    private static JapaneseNewsRules.Ruling rulingOf(String sentence) {
        String text = ArticleText.normalize(sentence);
        List<Token> tokens = FEATURES.tokenize(text);
        Map<String, CharRange> features = FEATURES.located(text, tokens, 0, tokens.size());
        return JapaneseNewsRules.ruling(features, tokens, 0, tokens.size(), true);
    }

    @Test
    void aLossThatNarrowedIsAClearRulingThatHoldsAgainstASureModel() {
        JapaneseNewsRules.Ruling ruling = rulingOf("A社の純損失は、前年同期の300億円から40億円へ大幅に縮小した。");
        assertEquals(new JapaneseNewsRules.Ruling(SentimentLabel.POSITIVE, true), ruling);
        double[] p = JapaneseNewsRules.apply(ruling, 0.75, 0.15, 0.10);
        assertEquals(0.55, p[2], 1e-9);
        assertEquals(0.375, p[0], 1e-9);
    }

    @Test
    void aTurnToProfitInTheMainClauseOutweighsAClosureInTheCauseBeforeIt() {
        assertEquals(new JapaneseNewsRules.Ruling(SentimentLabel.POSITIVE, true),
                rulingOf("赤字店の閉鎖が進み、B社の最終損益は黒字に転じた。"));
    }

    @Test
    void aClearChangeFollowedByBadNewsOfItsOwnIsNoClearRuling() {
        JapaneseNewsRules.Ruling ruling = rulingOf("C社の営業赤字は縮小したが、主力工場の操業停止が続いている。");
        assertTrue(ruling == null || !ruling.clear(), String.valueOf(ruling));
    }

    @Test
    void figuresThatWentBothWaysInParallelAreNeutral() {
        assertEquals(SentimentLabel.NEUTRAL, rulingOf("D社の国内売上高は4%増加した一方、海外売上高は7%減少した。").label());
        assertEquals(SentimentLabel.NEUTRAL, rulingOf("E社の国内販売は前年を上回り、海外販売は前年を下回った。").label());
        assertEquals(SentimentLabel.NEUTRAL, rulingOf("E社の受注高は3%増えたが、営業利益は6%減った。").label());
    }

    @Test
    void afterAConcessionTheMainClauseDecides() {
        assertEquals(SentimentLabel.NEGATIVE,
                rulingOf("F社の売上高は増加したものの、人件費の上昇で営業利益は減少した。").label());
        assertEquals(SentimentLabel.POSITIVE,
                rulingOf("市場の減益予想に反し、G社の営業利益は前年同期を上回った。").label());
    }

    @Test
    void aPlainFactOrAStatedLevelIsNeutral() {
        assertEquals(SentimentLabel.NEUTRAL, rulingOf("H社の前期の売上高は5200億円、営業利益は310億円だった。").label());
        assertEquals(SentimentLabel.NEUTRAL, rulingOf("I社は来年4月に本社を横浜市に移転する。").label());
    }

    @Test
    void inATextOfSeveralSentencesTheTokenReadingsSayNothing() {
        assertNull(rulingOf("J社の営業赤字は縮小した。K社の売上高は4200億円だった。"));
    }
}
