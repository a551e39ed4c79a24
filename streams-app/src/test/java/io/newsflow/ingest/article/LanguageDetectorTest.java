package io.newsflow.ingest.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void japaneseWithLatinCompanyNamesIsJapanese() {
        assertEquals("ja", detector.detect("メタ・プラットフォームズ（Meta）とNVIDIAの株価が下落した。"));
        assertEquals("ja", detector.detect("OpenAI、Microsoft、Alphabet、Amazon、NVIDIAが発表した"));
    }

    @Test
    void englishIsEnglish() {
        assertEquals("en", detector.detect("Meta sold $30 billion of bonds on Thursday."));
    }

    @Test
    void kanjiWithoutKanaIsNotTakenForJapanese() {
        assertEquals("und", detector.detect("美国股市科技股下跌"));
    }

    @Test
    void textWithoutEnoughLettersIsUndetermined() {
        assertEquals("und", detector.detect("12345 --- $$$"));
        assertEquals("und", detector.detect("ok"));
        assertEquals("und", detector.detect("Привет мир, это тест"));
    }
}
