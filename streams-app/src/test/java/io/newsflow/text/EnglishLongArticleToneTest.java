package io.newsflow.text;

import static io.newsflow.text.LongArticles.assertNearNeutral;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's check on long articles, in English, on two the project wrote in the shape of wire stories on Meta's bond
 * day (a piece on the bond sale and the falling shares, a piece on the shares alone), scored as the pipeline scores
 * them: the entities the resolver finds, each scored by the shipped models. The same bounds as
 * {@link JapaneseLongArticleToneTest}: a mixed story stays mixed, companies named in passing stay near neutral, and
 * the evidence is words of the text (that a span stays within its sentence: {@link EvidenceSpansTest}).
 */
class EnglishLongArticleToneTest {

    /** A word a reader can check: four letters or more (no span of "the", "and", "its" alone). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");

    /** Strong demand for the bonds (an order book of about $125 billion) against shares down 11 % on spending. */
    @Test
    void aStoryOfRecordBondDemandAndFallingSharesIsMixedForMeta() {
        Map<String, SentimentScore> scores = scored("en-meta-bond-mixed.txt");
        SentimentScore meta = scores.get("Meta Platforms");
        assertNotNull(meta, "Meta resolved: " + scores.keySet());
        assertTrue(meta.score() > -0.3 && meta.score() < 0.6, "mixed: " + meta);
        assertReadableEvidence(meta);
        assertTrue(meta.evidence().stream().anyMatch(span -> span.weight() > 0), "the bond demand counts: " + meta);
    }

    @Test
    void aStoryOfSharesTumblingOnSpendingIsNegativeForMeta() {
        Map<String, SentimentScore> scores = scored("en-meta-capex-negative.txt");
        SentimentScore meta = scores.get("Meta Platforms");
        assertNotNull(meta, "Meta resolved: " + scores.keySet());
        assertTrue(meta.score() <= -0.25, "negative: " + meta);
        assertReadableEvidence(meta);
    }

    /** Alphabet and Microsoft reported results the same week (a fact); two banks ran the books (counterparties). */
    @Test
    void companiesNamedInAFactOrAsCounterpartiesStayNearNeutral() {
        assertNearNeutral(scored("en-meta-bond-mixed.txt"), "Alphabet", "Microsoft", "Goldman Sachs", "Morgan Stanley");
    }

    /** Nvidia is named once, as the supplier of chips, in a story whose tone is about Meta. */
    @Test
    void aSupplierNamedOnceInANegativeStoryStaysNearNeutral() {
        assertNearNeutral(scored("en-meta-capex-negative.txt"), "NVIDIA");
    }

    private static void assertReadableEvidence(SentimentScore score) {
        assertFalse(score.evidence().isEmpty(), "evidence: " + score);
        for (EvidenceSpan span : score.evidence()) {
            assertTrue(WORD.matcher(span.text()).find(), "a span of words: " + span);
        }
    }

    private static Map<String, SentimentScore> scored(String file) {
        return LongArticles.scored(file, Articles::en);
    }
}
