package io.newsflow.text;

import java.util.List;

/**
 * An entity's sentiment in one article.
 *
 * @param score sentiment in [-1, 1]
 * @param confidence how sure the scorer is of the score's sign, in [0, 1] (0: no evidence at all); consumers
 *                   use it to down-weight weak scores
 * @param matchedTerms what drove the score as short strings, strongest first: the lexicon scorer's terms, or the
 *                     model scorer's evidence spans formatted as {@code +0.81 operating profit rose}
 * @param evidence the words of the text that decided the score, with signed weights, strongest first (at most
 *                 {@link EvidenceSpans#MAX_SPANS}); empty for a scorer that does not locate its evidence
 */
public record SentimentScore(double score, double confidence, List<String> matchedTerms, List<EvidenceSpan> evidence) {

    public SentimentScore {
        matchedTerms = List.copyOf(matchedTerms);
        evidence = List.copyOf(evidence);
    }

    /** A score explained by terms only (no located evidence). */
    public SentimentScore(double score, double confidence, List<String> matchedTerms) {
        this(score, confidence, matchedTerms, List.of());
    }

    /** A score explained by spans of the text; its terms are the spans as {@code +0.81 words}. */
    public static SentimentScore withEvidence(double score, double confidence, List<EvidenceSpan> evidence) {
        return new SentimentScore(score, confidence, evidence.stream().map(EvidenceSpan::toString).toList(), evidence);
    }

    /** No evidence: score 0, confidence 0, nothing to explain. */
    public static SentimentScore none() {
        return new SentimentScore(0, 0, List.of(), List.of());
    }
}
