package io.newsflow.runtime;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.text.EntityMention;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.article.AnalysisText;
import io.newsflow.topology.article.ArticlePieces;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline makes of articles, computed by the pipeline's own parts, for {@code inspect}: the
 * share of each article's text that repeats earlier text of it ({@link ArticlePieces}, as novelty counts
 * it); the most similar article inspected before it (MinHash over title and body, as novelty compares
 * them, near-duplicate at or above {@code novelty.threshold}); and per entity the resolver's mention and
 * the scorer's sentiment, read from the analysis text ({@link AnalysisText}), highest relevance first.
 * Not thread-safe: it remembers the signatures of the articles it has seen.
 */
final class ArticleInspector {

    /**
     * One article's inspection: {@code similarity} to the most similar article inspected before it (0 for the
     * first), {@code nearDuplicateOf} that article's id when the similarity reaches the threshold, else null.
     */
    record Inspection(ArticleEvent article, double repeatedShare, String nearDuplicateOf, double similarity,
                      List<Entity> entities, Integer analysedChars) {
    }

    /** One entity: the resolver's view ({@code relevance}, {@code mentions}) and the scorer's ({@code sentiment}). */
    record Entity(String entity, String ticker, double relevance, int mentions, double sentiment, double confidence,
                  List<String> evidence) {
    }

    private final TextAnalysis text;
    private final double nearDuplicateThreshold;
    private final int analysisMaxChars;
    private final Map<String, long[]> signatures = new LinkedHashMap<>();

    ArticleInspector(TextAnalysis text, double nearDuplicateThreshold, int analysisMaxChars) {
        this.text = text;
        this.nearDuplicateThreshold = nearDuplicateThreshold;
        this.analysisMaxChars = analysisMaxChars;
    }

    Inspection inspect(ArticleEvent article) {
        AnalysisText capped = AnalysisText.capped(article, analysisMaxChars);
        ArticleEvent analysed = capped.article();
        List<Entity> entities = text.entityResolver().resolve(analysed).stream()
                .sorted(Comparator.comparingDouble(EntityMention::relevance).reversed())
                .map(m -> {
                    SentimentScore s = text.sentimentScorer().score(analysed, m);
                    return new Entity(m.entity(), m.ticker(), m.relevance(), m.mentions(), s.score(), s.confidence(),
                            s.matchedTerms());
                })
                .toList();
        long[] signature = text.fingerprint(article);
        String mostSimilar = null;
        double best = 0;
        for (Map.Entry<String, long[]> earlier : signatures.entrySet()) {
            double similarity = text.fingerprinter().similarity(signature, earlier.getValue());
            if (!earlier.getKey().equals(article.getId()) && similarity > best) {
                best = similarity;
                mostSimilar = earlier.getKey();
            }
        }
        signatures.put(article.getId(), signature);
        return new Inspection(article, ArticlePieces.repeatedShare(article),
                best >= nearDuplicateThreshold ? mostSimilar : null, best, entities, capped.analysedChars());
    }
}
