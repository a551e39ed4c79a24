package io.newsflow.text;

import static io.newsflow.text.EnglishCues.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Demand in the press's words, which the product's own story turns on (a bond sale into a record order book):
 * an offering oversubscribed, investors placing orders, strong or weak demand. Sentences written for these
 * specifications; company names are invented.
 */
class EnglishBondMarketWordingTest {

    private static final String GOOD = EnglishFinanceCues.GOOD_EVENT;
    private static final String BAD = EnglishFinanceCues.BAD_EVENT;
    private static final SentimentModel MODEL = SentimentModel.defaults(Language.EN);

    @ParameterizedTest
    @ValueSource(strings = {
            "The five-year notes of Halvor Energy were heavily oversubscribed.",
            "The share offering was four times subscribed, the bookrunners said.",
            "Investors placed orders worth more than $40 billion for the bonds.",
            "Strong demand allowed Kestrel Foods to price the notes at the tight end of the range.",
            "Demand for the new notes was robust across all maturities."})
    void demandForWhatTheCompanySellsIsGoodNews(String sentence) {
        assertOnly(GOOD, BAD, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Weak demand forced Tarvo Steel to pull its planned bond sale.",
            "Demand for the new handsets remained sluggish in the third quarter."})
    void weakDemandIsBadNews(String sentence) {
        assertOnly(BAD, GOOD, sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Investors placed orders of about $90 billion for Corvant's bond sale, a record for the company.|positive",
            "Strong demand let Halvor Energy cut the yield on its new notes by 25 basis points.|positive",
            "Weak demand forced Tarvo Steel to pull its planned bond sale.|negative"})
    void theModelReadsDemandAsTheReaderDoes(String sentence, String expected) {
        assertEquals(SentimentLabel.parse(expected), MODEL.predict(sentence).label(), sentence);
    }
}
