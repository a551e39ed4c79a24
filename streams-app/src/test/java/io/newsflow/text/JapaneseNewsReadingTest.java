package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Japanese rule layer reads in a news sentence's tokens, sentences written for these specifications. */
class JapaneseNewsReadingTest {

    private static List<Token> tokens(String sentence) {
        return new KuromojiTokenizer().tokenize(ArticleText.normalize(sentence));
    }

    private static SentimentLabel label(JapaneseNewsReading.Change change) {
        return change == null ? null : change.label();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "P社の連結純損失は、前の期の120億円から35億円に縮小した。|positive",
            "Q社の営業赤字は、前年の15億円から60億円に拡大した。|negative",
            "S社の損失は、想定より早く改善した。|positive",
            "R社の最終損益は、2期ぶりに黒字に転じた。|positive",
            "S社の四半期営業損益は赤字に陥った。|negative",
            "T社は黒字化を果たした。|positive",
            "U社の営業赤字は縮小しなかった。|negative",
            "V社は、国内事業の赤字が解消した。|positive"})
    void aLossThatMovedAndATurnToProfitOrLossAreClear(String sentence, String expected) {
        List<Token> t = tokens(sentence);
        assertEquals(SentimentLabel.parse(expected), label(JapaneseNewsReading.clearChange(t, 0, t.size())), sentence);
    }

    @Test
    void whatIsJudgedMovesOnlyByJudgement() {
        List<Token> t = tokens("C社の採算は、輸出の拡大で上向いた。");
        assertNull(JapaneseNewsReading.subjectChange(t, 0, t.size()));
    }

    @Test
    void aChangeOfAnotherThingInACauseIsNotTheSubjects() {
        List<Token> t = tokens("B社の営業利益率は、値引きの拡大で前年から低下した。");
        assertEquals(SentimentLabel.NEGATIVE, label(JapaneseNewsReading.subjectChange(t, 0, t.size())));
    }

    @Test
    void aSentenceWithoutALossHasNoClearChange() {
        List<Token> t = tokens("V社の売上高は、前年同期の800億円から950億円に増えた。");
        assertNull(JapaneseNewsReading.clearChange(t, 0, t.size()));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "W社の借入金は、設備投資の資金を賄うため前期末から倍増した。|negative",
            "X社の受注高は、海外向けの大型案件が寄与し、前年同期から急増した。|positive",
            "Y社の販管費は、広告の見直しで前年から半減した。|positive",
            "Z社の売上高営業利益率は、円安の追い風で前期から2ポイント上昇した。|positive",
            "A社の原価率は、仕入れ値の上昇で前年から悪化した。|negative",
            "B社の収支は、値上げの浸透で改善した。|positive"})
    void aChangeIsReadFromItsSubjectHoweverFarTheVerb(String sentence, String expected) {
        List<Token> t = tokens(sentence);
        assertEquals(SentimentLabel.parse(expected), label(JapaneseNewsReading.subjectChange(t, 0, t.size())),
                sentence);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "格付け会社は、A社の発行体格付けを「BBB+」から「BBB」に引き下げた。|negative",
            "証券会社は、B社のレーティングを「中立」から「買い」に変更した。|positive",
            "格付け会社はC社の格付け見通しを「安定的」から「ネガティブ」に変更した。|negative",
            "格付け会社は、D社の長期格付けを「A-」から「A」に変更した。|positive",
            "アナリストは、E社の目標株価を引き上げた。|positive",
            "格付け会社はF社の格付けを「AA-」に据え置いた。|neutral",
            "G社は、期末配当を前回の予想から5円引き上げた。|positive",
            "H社は、今期の受注目標を引き下げた。|negative"})
    void aRatingOrWhatACompanySetsMovedIsReadFromItsVerbOrItsQuotedStates(String sentence, String expected) {
        List<Token> t = tokens(sentence);
        assertEquals(SentimentLabel.parse(expected), JapaneseNewsReading.ratingMove(t, 0, t.size()), sentence);
    }

    @Test
    void aRatingAgencyNamedWithoutAMoveIsNoRatingMove() {
        List<Token> t = tokens("格付け会社のG社は、来月に新しい評価手法を公表する。");
        assertNull(JapaneseNewsReading.ratingMove(t, 0, t.size()));
    }

    @Test
    void aFigureStatedAsALevelIsNotAChange() {
        List<Token> level = tokens("H社の3月末の従業員数は1万2000人だった。");
        assertTrue(JapaneseNewsReading.statedLevel(level, 0, level.size()));
        List<Token> money = tokens("I社の前期の売上高は3200億円だった。");
        assertTrue(JapaneseNewsReading.statedLevel(money, 0, money.size()));
        List<Token> share = tokens("J社の売上高は前年の9割にとどまった。");
        assertFalse(JapaneseNewsReading.statedLevel(share, 0, share.size()));
        List<Token> fromTo = tokens("K社の営業損失は、前期の12億円から7億円となった。");
        assertFalse(JapaneseNewsReading.statedLevel(fromTo, 0, fromTo.size()));
    }

    @Test
    void theRuleLayersOwnCuesNameNewsEventsAndFacts() {
        List<Token> arrest = tokens("L社の元専務が、背任の疑いで逮捕された。");
        assertTrue(JapaneseNewsReading.cues(arrest, 0, arrest.size()).stream().anyMatch(m -> m.sign() < 0));
        List<Token> order = tokens("M社は、市から下水道の維持管理業務を受託した。");
        assertTrue(JapaneseNewsReading.cues(order, 0, order.size()).stream().anyMatch(m -> m.sign() > 0));
        List<Token> people = tokens("N社は、専務の佐々木氏が社長に昇格する人事を決めた。");
        assertTrue(JapaneseNewsReading.cues(people, 0, people.size()).stream().allMatch(m -> m.sign() == 0));
    }

    @Test
    void oneSentenceIsOneSentence() {
        List<Token> one = tokens("P社の営業赤字は縮小した。");
        assertTrue(JapaneseNewsReading.oneSentence(one, 0, one.size()));
        List<Token> two = tokens("P社の営業赤字は縮小した。ただ、売上は伸びていない。");
        assertFalse(JapaneseNewsReading.oneSentence(two, 0, two.size()));
    }
}
