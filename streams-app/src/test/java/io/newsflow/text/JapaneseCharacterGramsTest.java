package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The character n-grams the Japanese model sees next to its words: bounded to words of meaning with their grammar. */
class JapaneseCharacterGramsTest {

    private static final SentimentFeatures FEATURES = new SentimentFeatures(SentimentLexicon.defaults(Language.JA));

    private static Map<String, CharRange> grams(String sentence) {
        String text = ArticleText.normalize(sentence);
        List<Token> tokens = FEATURES.tokenize(text);
        Map<String, CharRange> grams = new LinkedHashMap<>();
        JapaneseCharacterGrams.add(text, tokens, 0, tokens.size(), grams, new boolean[tokens.size()]);
        return grams;
    }

    @Test
    void anInflectedWordGivesTheCharactersOfItsInflection() {
        Map<String, CharRange> grams = grams("先行きの売上は見込めない。");
        assertTrue(grams.containsKey("c:込め"), grams.keySet().toString());
        assertTrue(grams.containsKey("c:めない"), grams.keySet().toString());
        assertTrue(grams.containsKey("c:売上"), grams.keySet().toString());
    }

    @Test
    void eachGramIsPlacedOnItsOwnCharacters() {
        String text = ArticleText.normalize("先行きの売上は見込めない。");
        Map<String, CharRange> grams = grams("先行きの売上は見込めない。");
        CharRange range = grams.get("c:めない");
        assertEquals("めない", text.substring(range.start(), range.end()));
    }

    @Test
    void particlesAloneNamesNumbersSymbolsAndPunctuationGiveNoGram() {
        Map<String, CharRange> grams = grams("トヨタは昨年、国内では3つの工場を建設しており、その費用は500億円だった。");
        for (String none : List.of("c:では", "c:トヨ", "c:ヨタ", "c:タは", "c:50", "c:00", "c:、そ", "c:年、")) {
            assertFalse(grams.containsKey(none), none + " in " + grams.keySet());
        }
        assertTrue(grams.containsKey("c:工場"), grams.keySet().toString());
        assertTrue(grams.containsKey("c:場を"), "a word of meaning with its particle: " + grams.keySet());
        assertTrue(grams.containsKey("c:だっ"), "an auxiliary is grammar that changes a word: " + grams.keySet());
    }

    @Test
    void theWordsOfAChangeGiveNoGramTheChangeSpeaksForThem() {
        List<String> features = FEATURES.ofSentence("W社の販管費は前年同期比5%減少した。");
        assertTrue(features.contains("chg:+"), features.toString());
        assertTrue(features.stream().noneMatch(f -> f.startsWith("c:") && (f.contains("減") || f.contains("管費"))),
                features.toString());
    }

    @Test
    void theModelFeaturesOfAJapaneseSentenceIncludeTheGrams() {
        assertTrue(FEATURES.ofSentence("来月から景気は良くなっていくだろう。").contains("c:良く"));
    }
}
