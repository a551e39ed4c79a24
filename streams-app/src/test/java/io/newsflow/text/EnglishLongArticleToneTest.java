package io.newsflow.text;

import static io.newsflow.text.Articles.en;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's check on long articles, in English, on two the project wrote in the shape of wire stories on Meta's bond
 * day (a piece on the bond sale and the falling shares, a piece on the shares alone), scored as the pipeline scores
 * them: the entities the resolver finds, each scored by the shipped models. The same bounds as
 * {@link JapaneseLongArticleToneTest}: a mixed story stays mixed, companies named in passing stay near neutral, and
 * the evidence is words of the text (that a span stays within its sentence: {@link EvidenceSpansTest}).
 */
class EnglishLongArticleToneTest {

    private static final AliasDictionary DICTIONARY = AliasDictionary.defaults();
    private static final AliasEntityResolver RESOLVER = new AliasEntityResolver(DICTIONARY);
    private static final ModelSentimentScorer SCORER = new ModelSentimentScorer(DICTIONARY,
            SentimentModel.defaults(Language.EN), SentimentModel.defaults(Language.JA));
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

    /** Each of the {@code entities} is resolved and scored within 0.25 of neutral (not called polar). */
    private static void assertNearNeutral(Map<String, SentimentScore> scores, String... entities) {
        for (String entity : entities) {
            SentimentScore s = scores.get(entity);
            assertNotNull(s, entity + " resolved: " + scores.keySet());
            assertTrue(Math.abs(s.score()) < 0.25, entity + ": " + s);
        }
    }

    private static void assertReadableEvidence(SentimentScore score) {
        assertFalse(score.evidence().isEmpty(), "evidence: " + score);
        for (EvidenceSpan span : score.evidence()) {
            assertTrue(WORD.matcher(span.text()).find(), "a span of words: " + span);
        }
    }

    /** Every entity the resolver finds in the article, with its score. */
    private static Map<String, SentimentScore> scored(String file) {
        String[] text = read(file).split("\n", 2);
        ArticleEvent article = en(text[0], text[1]);
        return RESOLVER.resolve(article).stream().collect(Collectors.toMap(EntityMention::entity,
                mention -> SCORER.score(article, mention), (first, again) -> first));
    }

    private static String read(String file) {
        try (InputStream in = EnglishLongArticleToneTest.class.getResourceAsStream("/sentiment/articles/" + file)) {
            assertNotNull(in, file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
