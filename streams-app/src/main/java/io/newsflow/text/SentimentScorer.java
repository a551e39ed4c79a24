package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;

/**
 * Scores an article's tone toward one entity. An interface so that a model-based scorer can
 * replace the lexicon one without touching the topology.
 */
public interface SentimentScorer {

    SentimentScore score(ArticleEvent article, EntityMention target);
}
