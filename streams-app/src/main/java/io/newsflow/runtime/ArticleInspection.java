package io.newsflow.runtime;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.text.EntityMention;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.article.AnalysisText;
import io.newsflow.topology.article.ArticlePieces;
import java.util.Comparator;
import java.util.List;

/**
 * What the pipeline makes of one article, computed by the pipeline's own parts: the share of its text
 * that repeats ({@link ArticlePieces}, as novelty counts it), and per entity the resolver's mention and
 * the scorer's sentiment, read from the analysis text ({@link AnalysisText}), highest relevance first.
 */
record ArticleInspection(ArticleEvent article, double repeatedShare, List<Entity> entities) {

    /** One entity: the resolver's view ({@code relevance}, {@code mentions}) and the scorer's ({@code sentiment}). */
    record Entity(String entity, String ticker, double relevance, int mentions, double sentiment, double confidence,
                  List<String> evidence) {
    }

    static ArticleInspection of(ArticleEvent article, TextAnalysis text) {
        ArticleEvent analysed = AnalysisText.of(article);
        List<Entity> entities = text.entityResolver().resolve(analysed).stream()
                .sorted(Comparator.comparingDouble(EntityMention::relevance).reversed())
                .map(m -> {
                    SentimentScore s = text.sentimentScorer().score(analysed, m);
                    return new Entity(m.entity(), m.ticker(), m.relevance(), m.mentions(), s.score(), s.confidence(),
                            s.matchedTerms());
                })
                .toList();
        return new ArticleInspection(article, ArticlePieces.repeatedShare(article), entities);
    }
}
