package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Japanese model sees in a sentence: words of meaning, changes with their direction, business events. */
class JapaneseFeaturesTest {

    private static final SentimentFeatures FEATURES = new SentimentFeatures(SentimentLexicon.defaults(Language.JA));

    private static List<String> of(String sentence) {
        return FEATURES.ofSentence(sentence);
    }

    @Test
    void particlesAuxiliariesLightVerbsNumbersAndNamesAreNoFeatures() {
        List<String> features = of("ソフトバンクグループは昨年、3つの工場を新たに建設しており、その費用は500億円だった。");
        for (String grammar : List.of("は", "を", "の", "が", "に", "で", "だ", "た", "て", "する", "いる", "ある", "500",
                "<num>", "ソフトバンクグループ")) {
            assertFalse(features.contains(grammar), grammar + " in " + features);
            assertTrue(features.stream().noneMatch(f -> f.startsWith(grammar + " ") || f.endsWith(" " + grammar)),
                    grammar + " in a bigram of " + features);
        }
        assertTrue(features.contains("工場"), features.toString());
        assertTrue(features.contains("建設"), features.toString());
    }

    @Test
    void aWordOfMeaningKeepsTheGrammarNextToIt() {
        assertTrue(of("先行きの売上は見込めない。").contains("見込める+ない"));
        assertTrue(of("来月から景気は良くなっていくだろう。").contains("良い+なる"));
        assertTrue(of("来月から景気は良くなっていくだろう。").contains("景気+は"));
    }

    @Test
    void grammarNeverMakesAFeatureWithoutAWordOfMeaning() {
        List<String> features = of("ソフトバンクグループは昨年、3つの工場を新たに建設しており、その費用は500億円だった。");
        List<String> grammar = List.of("は", "を", "の", "が", "に", "で", "だ", "た", "て", "する", "おる", "いる");
        for (String f : features) {
            if (f.contains("+") && !f.contains(":")) {
                List<String> parts = List.of(f.split("\\+"));
                assertTrue(parts.size() == 2 || parts.size() == 3, f);
                assertTrue(parts.stream().anyMatch(p -> !grammar.contains(p)), "a word of meaning in " + f);
                assertTrue(parts.stream().noneMatch(p -> p.equals("ソフトバンク") || p.equals("500") || p.equals("億")),
                        "no name or number in " + f);
            }
        }
        assertTrue(features.contains("工場+を"), features.toString());
        assertTrue(features.contains("建設+する+て"), features.toString());
        assertFalse(features.contains("て+おる"), "grammar alone: " + features);
    }

    @Test
    void threeWordsInARowHoldAWordOfMeaning() {
        assertTrue(of("先行きは見込めない状況だ。").contains("見込める+ない+状況"));
        assertTrue(of("先行きは厳しい。客足は戻らない。").stream().noneMatch(f -> f.contains("。")), "no triple across a sentence end");
    }

    @Test
    void anAuxiliaryOfLikelihoodDoesNotHideTheNegationOfTheVerbBeforeIt() {
        List<String> features = of("客足が伸びそうにない。");
        assertTrue(features.contains("not:伸びる"), features.toString());
        assertTrue(features.contains("dir:down"), features.toString());
        assertFalse(features.contains("dir:up"), features.toString());
    }

    @Test
    void aBackgroundClauseEndingInNakaGivesNoWordsOrLexiconTone() {
        List<String> features = of("景気の低迷が続くなか、当社の受注は堅調だった。");
        assertFalse(features.contains("低迷"), features.toString());
        assertFalse(features.contains("lex:-"), features.toString());
        assertTrue(features.contains("受注"), features.toString());
        assertTrue(of("景気の低迷が続き、当社の受注も減った。").contains("続く"), "no background without なか");
    }

    @Test
    void twoWordsOfMeaningWithAParticleBetweenMakeABigram() {
        assertTrue(of("工場の操業を停止した。").contains("操業 停止"));
        assertFalse(of("工場の操業は順調で、停止した設備はない。").contains("操業 停止"));
    }

    @Test
    void aNegatedWordIsItsOwnFeature() {
        List<String> features = of("新製品を発売しなかった。");
        assertTrue(features.contains("not:発売"), features.toString());
        assertFalse(features.contains("発売"), features.toString());
    }

    @Test
    void aDirectionWordWithItsQuantityIsTheChangeNotAWordOfItsOwn() {
        List<String> features = of("販管費は前年同期比5%減少した。");
        assertTrue(features.contains("chg:+"), features.toString());
        assertFalse(features.contains("減少"), "減少 learned from sales going down: " + features);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "売上高は前年同期比12%増の300億円となった。|chg:+",
            "営業利益は前年同期比8%減となった。|chg:-",
            "原材料費の高騰が続いた。|chg:-",
            "人件費は減少した。|chg:+",
            "原材料コストが増え、利益を押し下げた。|chg:-",
            "受注は減少しなかった。|chg:+",
            "今期は増収増益となった。|evt:+",
            "最終損益は黒字転換した。|evt:+",
            "最終損益は赤字転落した。|evt:-",
            "通期の見通しを上方修正した。|evt:+",
            "通期の見通しを下方修正した。|evt:-",
            "格付け会社は長期格付けを一段階引き下げた。|evt:-",
            "格付け会社は同社を格上げした。|evt:+",
            "工場はシステム障害で操業を停止した。|evt:-",
            "国内の2工場を閉鎖する。|evt:-",
            "300人を削減する。|evt:-",
            "希望退職を募集する。|evt:-",
            "約5万台のリコールを届け出た。|evt:-",
            "国から行政処分を受けた。|evt:-",
            "新製品の発売を延期した。|evt:-",
            "年間配当を増配する。|evt:+",
            "中間配当を減配する。|evt:-",
            "大手メーカーと業務提携した。|evt:+",
            "通信会社から基地局を受注した。|evt:+",
            "工場の操業は停止しなかった。|evt:+",
            "来月、中間決算を発表する。|fact",
            "6月に株主総会を開催する予定だ。|fact",
            "東京証券取引所に上場している。|fact"})
    void changesAndEventsAreNamedWithTheirSign(String sentence, String feature) {
        assertTrue(of(sentence).contains(feature), of(sentence).toString());
    }

    @Test
    void anEventNamesTheWordsItMatched() {
        assertTrue(of("工場はシステム障害で操業を停止した。").contains("evt:操業~停止"));
        assertTrue(of("工場の操業は停止しなかった。").contains("evt:操業~停止:not"));
    }
}
