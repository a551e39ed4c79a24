package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashFingerprinterTest {

    /** 100 words. */
    private static final String BOND_STORY = "Meta Platforms sold thirty billion dollars of bonds in one of "
            + "the largest corporate debt offerings, drawing an order book of about one hundred and twenty five "
            + "billion dollars as investors sought exposure to the company's artificial intelligence build out. The "
            + "sale came a day after shares fell eleven percent when executives said capital spending would rise "
            + "next year. The bonds were split into six parts with maturities ranging from five to forty "
            + "years, and the longest piece priced one percentage point above Treasuries. Bankers said demand "
            + "was broad, spanning insurers, pension funds and asset managers across the United States.";

    private static final String WEATHER_STORY = "Heavy rain is expected across the western coast this weekend as a "
            + "slow moving storm system brings strong winds and cooler temperatures. Forecasters warned that rivers "
            + "in low lying valleys could overflow by Sunday evening, and several school districts announced early "
            + "closures. Residents were advised to secure outdoor furniture, avoid unnecessary travel and keep "
            + "emergency supplies ready. The storm should weaken on Monday, leaving clear skies and a frosty start "
            + "to the week, while mountain passes may see the first significant snowfall of the season.";

    private static final String JA_STORY = "米メタ・プラットフォームズは30日、総額300億ドルの社債を発行した。"
            + "投資家からの注文は約1250億ドルに達し、社債市場で過去最大級の需要を集めた。"
            + "一方で同社の株価は、人工知能向けの設備投資が来年さらに膨らむとの見通しを嫌気して前日に11%下落していた。"
            + "起債は6本立てで、年限は5年から40年。最長の40年債は米国債利回りに約1%上乗せした水準で条件が決まった。";

    private static final String JA_OTHER = "気象庁によると、週末にかけて西日本を中心に大雨となる見込みだ。"
            + "川の増水や土砂災害に警戒が必要で、自治体は早めの避難を呼びかけている。"
            + "月曜日には天気が回復するが、朝晩は冷え込み、山間部では今季初めての積雪となる可能性がある。";

    private final MinHashFingerprinter fingerprinter = new MinHashFingerprinter();

    private double similarity(String a, String b, String language) {
        return fingerprinter.similarity(fingerprinter.fingerprint(a, language), fingerprinter.fingerprint(b, language));
    }

    @Test
    void storyHasOneHundredWords() {
        assertEquals(100, BOND_STORY.split("\\s+").length);
    }

    @Test
    void identicalTextIsFullySimilar() {
        assertEquals(1.0, similarity(BOND_STORY, BOND_STORY, "en"));
        assertEquals(1.0, similarity(JA_STORY, JA_STORY, "ja"));
    }

    @Test
    void oneChangedWordInAHundredStaysAboveTheNearDuplicateThreshold() {
        String edited = BOND_STORY.replace("broad,", "wide,");

        double s = similarity(BOND_STORY, edited, "en");

        assertTrue(s >= MinHashFingerprinter.NEAR_DUPLICATE_THRESHOLD && s < 1.0, "similarity " + s);
    }

    @Test
    void republishedCopyWithDifferentCasingPunctuationAndSpacingIsIdentical() {
        String reformatted = BOND_STORY.toUpperCase().replace(",", "").replace(". ", ".\n\n  ");

        assertEquals(1.0, similarity(BOND_STORY, reformatted, "en"));
    }

    @Test
    void unrelatedTextIsDissimilar() {
        assertTrue(similarity(BOND_STORY, WEATHER_STORY, "en") < 0.2);
        assertTrue(similarity(JA_STORY, JA_OTHER, "ja") < 0.2);
    }

    @Test
    void japaneseNearDuplicateWithAnEditedFigureIsSimilar() {
        String edited = JA_STORY.replace("約1250億ドル", "約1200億ドル").replace("30日", "30日（米国時間）");

        double s = similarity(JA_STORY, edited, "ja");

        assertTrue(s >= MinHashFingerprinter.NEAR_DUPLICATE_THRESHOLD && s < 1.0, "similarity " + s);
    }

    @Test
    void japaneseFullWidthAndHalfWidthFormsFingerprintAlike() {
        String fullWidth = JA_STORY.replace("300", "３００").replace("11%", "１１％");

        assertEquals(1.0, similarity(JA_STORY, fullWidth, "ja"));
    }

    @Test
    void truncatedCopyIsClearlyBelowAFullCopy() {
        String firstHalf = BOND_STORY.substring(0, BOND_STORY.length() / 2);

        double s = similarity(BOND_STORY, firstHalf, "en");

        assertTrue(s > 0.3 && s < MinHashFingerprinter.NEAR_DUPLICATE_THRESHOLD, "similarity " + s);
    }

    @Test
    void signaturesAreDeterministicAcrossInstances() {
        long[] a = new MinHashFingerprinter().fingerprint(BOND_STORY, "en");
        long[] b = new MinHashFingerprinter().fingerprint(BOND_STORY, "en");

        assertEquals(MinHashFingerprinter.DEFAULT_SLOTS, a.length);
        assertArrayEquals(a, b);
    }

    @Test
    void languageIsGuessedWhenUndetermined() {
        assertArrayEquals(fingerprinter.fingerprint(JA_STORY, "ja"), fingerprinter.fingerprint(JA_STORY, "und"));
        assertArrayEquals(fingerprinter.fingerprint(BOND_STORY, "en"), fingerprinter.fingerprint(BOND_STORY, null));
    }

    @Test
    void textWithoutShinglesIsSimilarToNothingIncludingItself() {
        long[] empty = fingerprinter.fingerprint("", "en");
        long[] punctuation = fingerprinter.fingerprint(" ... !!! ", "en");

        assertEquals(0.0, fingerprinter.similarity(empty, punctuation));
        assertEquals(0.0, fingerprinter.similarity(empty, empty));
        assertEquals(0.0, fingerprinter.similarity(empty, fingerprinter.fingerprint(BOND_STORY, "en")));
    }

    @Test
    void shortTextsStillFingerprint() {
        assertEquals(1.0, similarity("Meta", "meta!", "en"));
        assertEquals(0.0, similarity("Meta", "Nvidia", "en"));
        assertEquals(1.0, similarity("急落", "急落", "ja"));
    }

    @Test
    void mismatchedOrMissingSignaturesAreNotSimilar() {
        long[] full = fingerprinter.fingerprint(BOND_STORY, "en");

        assertEquals(0.0, fingerprinter.similarity(full, new MinHashFingerprinter(64).fingerprint(BOND_STORY, "en")));
        assertEquals(0.0, fingerprinter.similarity(full, null));
    }
}
