package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizationTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text, Language language) {
        return splitter.split(text, 0, text.length(), language).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    private static List<String> keys(List<Token> tokens) {
        return tokens.stream().map(Token::key).toList();
    }

    @Test
    void englishSentencesEndAtTerminatorsButNotAtAbbreviationsOrDecimals() {
        String text = "Meta sold $30B of bonds. Shares fell 11% to $650.5 after Mr. Zuckerberg defended spending. "
                + "Capex may grow 4.2x in the U.S. market! Is that priced in?\nAnalysts were split.";

        assertEquals(List.of(
                "Meta sold $30B of bonds.",
                "Shares fell 11% to $650.5 after Mr. Zuckerberg defended spending.",
                "Capex may grow 4.2x in the U.S. market!",
                "Is that priced in?",
                "Analysts were split."), sentences(text, Language.EN));
    }

    @Test
    void englishPeriodBeforeLowerCaseDoesNotEndASentence() {
        assertEquals(List.of("Spending rose approx. fifty percent, i.e. more than expected."),
                sentences("Spending rose approx. fifty percent, i.e. more than expected.", Language.EN));
    }

    @Test
    void japaneseSentencesEndAtJapaneseTerminatorsAndNewlines() {
        String text = "メタは300億ドルの社債を発行した。需要は旺盛だった！株価はどうか？\n「設備投資が重荷だ。」と市場関係者は話す";

        assertEquals(List.of("メタは300億ドルの社債を発行した。", "需要は旺盛だった！", "株価はどうか？",
                "「設備投資が重荷だ。」", "と市場関係者は話す"), sentences(text, Language.JA));
    }

    @Test
    void japaneseTokensCarryDictionaryFormsOfConjugatedWords() {
        List<Token> tokens = new KuromojiTokenizer().tokenize("株価は上昇しなかった。業績は強かった");

        assertEquals(List.of("株価", "は", "上昇", "する", "ない", "た", "。", "業績", "は", "強い", "た"), keys(tokens));
        assertTrue(tokens.get(6).punctuation());
        assertEquals("なかっ", tokens.get(4).surface());
    }

    @Test
    void japaneseTokenOffsetsPointIntoTheAnalysedText() {
        String text = "前置き。メタ株が急落";
        List<Token> tokens = new KuromojiTokenizer().tokenize(text, 4, text.length());

        Token first = tokens.get(0);
        assertEquals("メタ", text.substring(first.start(), first.end()));
    }

    @Test
    void englishContractionsKeepTheirNegationAndWordsAreStemmed() {
        List<Token> tokens = new EnglishTokenizer().tokenize("Meta's shares didn't plunge; they can't, analysts said.");

        assertEquals(List.of("meta", "share", "did", "n't", "plung", ";", "they", "ca", "n't", ",", "analyst", "said", "."),
                keys(tokens));
    }

    @Test
    void englishNumbersStayWholeAndSymbolsOnlySeparate() {
        List<Token> tokens = new EnglishTokenizer().tokenize("a $30.5B sell-off, 4.2x");

        assertEquals(List.of("a", "30.5b", "sell", "off", ",", "4.2x"), keys(tokens));
    }

    @Test
    void englishThousandsSeparatorsStayInsideTheFigureButACommaAfterAFigureIsPunctuation() {
        List<Token> tokens = new EnglishTokenizer().tokenize("won 3,000 clients in 2025, 2026");
        assertEquals(List.of("won", "3,000", "client", "in", "2025", ",", "2026"), keys(tokens));
        assertTrue(tokens.get(5).punctuation());
    }

    @Test
    void languageFollowsTheArticleAndFallsBackToTheScript() {
        assertEquals(Language.JA, Language.of("ja-JP", "Meta"));
        assertEquals(Language.EN, Language.of("en", "メタ"));
        assertEquals(Language.JA, Language.of("und", "米メタの株価が急落"));
        assertEquals(Language.EN, Language.of(null, "Meta shares fell"));
    }
}
