package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tone per entity, which can differ inside one sentence (sentences written for these specifications). */
class EntityToneClassifierTest {

    private static final EntityToneClassifier TONE = TextAnalysis.defaults().entityTone();

    private static SentimentLabel tone(String text, String entity, String... others) {
        return TONE.classify(text, entity, List.of(others), Language.EN);
    }

    @Test
    void twoCompaniesOfOneSentenceGetTheirOwnTone() {
        String text = "Alpha Corp shares rose 6 % after strong quarterly sales, while Beta Inc slumped after a profit "
                + "warning.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Alpha Corp", "Beta Inc"));
        assertEquals(SentimentLabel.NEGATIVE, tone(text, "Beta Inc", "Alpha Corp"));
    }

    @Test
    void theSourceOfWhatIsSaidIsNotWhatItIsAbout() {
        String text = "Analysts at Gamma Bank said Delta Corp's operating profit rose sharply in the quarter.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Delta Corp", "Gamma Bank"));
        assertEquals(SentimentLabel.NEUTRAL, tone(text, "Gamma Bank", "Delta Corp"));
    }

    @Test
    void anEntityTheDictionaryKnowsIsPlacedByItsAliases() {
        String text = "Facebook owner Meta said its quarterly revenue rose 20 percent, while Epsilon Oy cut 300 jobs.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Meta Platforms", "Epsilon Oy"));
        assertEquals(SentimentLabel.NEGATIVE, tone(text, "Epsilon Oy", "Meta Platforms"));
    }

    @Test
    void aTextThatSaysNothingOfTheEntityIsNeutralTowardIt() {
        assertEquals(SentimentLabel.NEUTRAL, tone("Zeta Group will publish its interim report on 28 April.",
                "Zeta Group"));
    }

    @Test
    void theSourceOfFiguresIsNotWhatTheyAreAbout() {
        String text = "Omega Foods said its quarterly sales jumped 12 %, well above forecasts, according to data from Sigma "
                + "Analytics.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Omega Foods", "Sigma Analytics"));
        assertEquals(SentimentLabel.NEUTRAL, tone(text, "Sigma Analytics", "Omega Foods"));
        String perSource = "Orders at Omega Foods rose sharply in the spring, per Sigma Analytics.";
        assertEquals(SentimentLabel.NEUTRAL, tone(perSource, "Sigma Analytics", "Omega Foods"));
    }

    @Test
    void theEmployerOfAQuotedPersonIsNotWhatTheQuoteIsAbout() {
        String text = "\"Kappa Motors had an outstanding quarter and its margins keep improving,\" said Jane Roe, fund "
                + "manager at Lambda Capital.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Kappa Motors", "Lambda Capital"));
        assertEquals(SentimentLabel.NEUTRAL, tone(text, "Lambda Capital", "Kappa Motors"));
        String founder = "Strong demand lifted profits across the sector, said John Doe, co-founder of research firm "
                + "Theta Insights.";
        assertEquals(SentimentLabel.NEUTRAL, tone(founder, "Theta Insights"));
    }

    @Test
    void aPriceQuotedPerUnitIsNotASource() {
        String text = "Brent rose 2 % to $90 per barrel and Nordic Oil gained 4 % on the news.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Nordic Oil", "Brent"));
    }

    @Test
    void eachCompanyOfACommaSeparatedReportGetsItsOwnFigure() {
        String text = "Alpha Corp shares rose 4 % to a record high, Beta Inc shares slumped 9 % after a profit warning, "
                + "and Gamma Ltd shares were unchanged.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Alpha Corp", "Beta Inc", "Gamma Ltd"));
        assertEquals(SentimentLabel.NEGATIVE, tone(text, "Beta Inc", "Alpha Corp", "Gamma Ltd"));
    }

    @Test
    void companiesListedBeforeOnePredicateShareIt() {
        String text = "Alpha Corp, Beta Inc and Gamma Ltd all reported record quarterly profits and raised dividends.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Alpha Corp", "Beta Inc", "Gamma Ltd"));
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Beta Inc", "Alpha Corp", "Gamma Ltd"));
    }

    @Test
    void anEntityNamedOnlyAsTheSourceStaysNeutralThroughTheWholeQuote() {
        String text = "\"Demand for housing is collapsing and builders are cutting prices everywhere.\" Orders fell for "
                + "the fifth month in a row, writes John Doe, chief economist at Mu Research.";
        assertEquals(SentimentLabel.NEUTRAL, tone(text, "Mu Research"));
    }
}
