package io.newsflow.text;

import static io.newsflow.text.EnglishCues.shippedModelOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What English press sentences say with changes, business events and plain facts, as the features the model
 * weighs (sentences written for these specifications).
 */
class EnglishFinanceCuesTest {

    private static final SentimentFeatures FEATURES = new SentimentFeatures(SentimentLexicon.defaults(Language.EN));

    private static Set<String> features(String sentence) {
        return Set.copyOf(FEATURES.ofSentence(sentence));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Operating profit rose to EUR 13.5 mn from EUR 9.7 mn in the corresponding period.",
            "Net sales increased to EUR 48.2 million from EUR 41.0 million.",
            "Order intake doubled in the second quarter.",
            "The operating margin improved to 11 percent.",
            "The net loss narrowed to USD 4 million from USD 15 million.",
            "The company swung to a net profit of EUR 3.1 mn.",
            "Costs did not rise in the quarter."})
    void aGoodQuantityUpOrABadOneDownIsAChangeForTheBetter(String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(SentimentFeatures.CHANGE_FOR_BETTER), f.toString());
        assertFalse(f.contains(SentimentFeatures.CHANGE_FOR_WORSE), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Operating profit fell to EUR 5.2 mn from EUR 8.9 mn.",
            "Earnings per share halved to EUR 0.11.",
            "The net loss widened to USD 31 million.",
            "The group swung to an operating loss of EUR 2.1 mn.",
            "Net sales decreased by 12 % to EUR 88 million.",
            "Sales did not grow in the period."})
    void aGoodQuantityDownOrABadOneUpIsAChangeForTheWorse(String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(SentimentFeatures.CHANGE_FOR_WORSE), f.toString());
        assertFalse(f.contains(SentimentFeatures.CHANGE_FOR_BETTER), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The group won a EUR 20 million contract to supply turbines.",
            "The shipyard was awarded an order for two ferries.",
            "The company secured a new framework agreement with the city.",
            "The retailer expects cost savings of EUR 30 mn a year.",
            "The company opened a new plant in Vietnam.",
            "Analysts upgraded the stock to buy.",
            "The union said there will be no job cuts at the plant."})
    void goodBusinessEventsAreGoodNews(String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(EnglishFinanceCues.GOOD_EVENT), f.toString());
        assertFalse(f.contains(EnglishFinanceCues.BAD_EVENT), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The company will cut 450 jobs in Ohio.",
            "Temporary layoffs will affect 300 employees.",
            "The group plans to close its plant in Lahti.",
            "The carmaker recalled 120,000 vehicles.",
            "Regulators opened an investigation into the bank.",
            "The rating agency downgraded the utility.",
            "The mine halted production after the accident.",
            "The launch has been delayed until next year.",
            "Shareholders filed a lawsuit against the board.",
            "The company was fined EUR 5 million.",
            "The firm issued a profit warning on Friday.",
            "The bidder did not win the contract."})
    void badBusinessEventsAreBadNews(String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(EnglishFinanceCues.BAD_EVENT), f.toString());
        assertFalse(f.contains(EnglishFinanceCues.GOOD_EVENT), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The company will publish its interim report on 28 April.",
            "The shares are listed on the Helsinki stock exchange.",
            "The group plans to hold its AGM on 15 March.",
            "The company has about 2,000 employees in 12 countries.",
            "The firm is headquartered in Espoo.",
            "The bank is scheduled to release its results next week."})
    void announcementsOfFactOrScheduleAreFacts(String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(EnglishFinanceCues.FACT), f.toString());
        assertFalse(f.contains(EnglishFinanceCues.GOOD_EVENT) || f.contains(EnglishFinanceCues.BAD_EVENT), f.toString());
    }

    @Test
    void anEventDecidesASentenceTheModelWouldCallNeutralWithTheConfidenceItHadInNeutral() {
        java.util.EnumMap<SentimentLabel, Double> p = new java.util.EnumMap<>(SentimentLabel.class);
        p.put(SentimentLabel.NEGATIVE, 0.1);
        p.put(SentimentLabel.NEUTRAL, 0.7);
        p.put(SentimentLabel.POSITIVE, 0.2);

        EventPrecedence.apply(Set.of(EnglishFinanceCues.GOOD_EVENT, "contract"), p);

        assertEquals(0.7, p.get(SentimentLabel.POSITIVE));
        assertEquals(0.2, p.get(SentimentLabel.NEUTRAL));
        assertEquals(0.1, p.get(SentimentLabel.NEGATIVE));
    }

    @Test
    void eventsOfBothSignsOrAPolarModelLeaveThePredictionAsItIs() {
        java.util.EnumMap<SentimentLabel, Double> p = new java.util.EnumMap<>(SentimentLabel.class);
        p.put(SentimentLabel.NEGATIVE, 0.5);
        p.put(SentimentLabel.NEUTRAL, 0.3);
        p.put(SentimentLabel.POSITIVE, 0.2);
        java.util.EnumMap<SentimentLabel, Double> before = new java.util.EnumMap<>(p);

        EventPrecedence.apply(Set.of(EnglishFinanceCues.GOOD_EVENT), p);
        assertEquals(before, p);
        p.put(SentimentLabel.NEUTRAL, 0.9);
        before = new java.util.EnumMap<>(p);
        EventPrecedence.apply(Set.of(EnglishFinanceCues.GOOD_EVENT, EnglishFinanceCues.BAD_EVENT), p);
        assertEquals(before, p);
    }

    @Test
    void aChangeDecidesANeutralSentenceOnlyWhenTheModelsSecondChoiceAgrees() {
        java.util.EnumMap<SentimentLabel, Double> leaning = new java.util.EnumMap<>(SentimentLabel.class);
        leaning.put(SentimentLabel.NEGATIVE, 0.4);
        leaning.put(SentimentLabel.NEUTRAL, 0.5);
        leaning.put(SentimentLabel.POSITIVE, 0.1);
        java.util.EnumMap<SentimentLabel, Double> contradicted = new java.util.EnumMap<>(leaning);

        EventPrecedence.apply(Set.of(SentimentFeatures.CHANGE_FOR_WORSE), leaning);
        EventPrecedence.apply(Set.of(SentimentFeatures.CHANGE_FOR_BETTER), contradicted);

        assertEquals(0.5, leaning.get(SentimentLabel.NEGATIVE), "EBITDA decreased to EUR 22 mn: negative");
        assertEquals(0.5, contradicted.get(SentimentLabel.NEUTRAL), "the model's words lean the other way");
    }

    @Test
    void theShippedModelGetsThePressSentencesWrittenForThisProjectRight() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-sentences-en.tsv");

        assertEquals(60, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.85, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.POSITIVE) >= 0.8, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.8, evaluation.summary());
    }
}
