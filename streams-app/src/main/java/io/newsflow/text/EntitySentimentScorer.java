package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;

/**
 * What the lexicon and the model scorers share before they weigh anything: the article's text, the English or
 * Japanese resource (lexicon, model) its language calls for, and where the text talks about the entity
 * ({@link EntityPlacement}); a missing article has no evidence.
 *
 * @param <R> the per-language resource of the scorer
 */
abstract class EntitySentimentScorer<R> implements SentimentScorer {

    private final AliasDictionary dictionary;
    private final R english;
    private final R japanese;

    EntitySentimentScorer(AliasDictionary dictionary, R english, R japanese) {
        this.dictionary = dictionary;
        this.english = english;
        this.japanese = japanese;
    }

    @Override
    public final SentimentScore score(ArticleEvent article, EntityMention target) {
        if (article == null) {
            return SentimentScore.none();
        }
        ArticleText text = ArticleText.of(article);
        R resource = text.language == Language.JA ? japanese : english;
        return score(text, resource, EntityPlacement.of(text, dictionary, target));
    }

    /** The tone of {@code text} toward the entity {@code placement} places in it, with the text's language's. */
    final SentimentScore score(ArticleText text, EntityPlacement placement) {
        return score(text, text.language == Language.JA ? japanese : english, placement);
    }

    AliasDictionary dictionary() {
        return dictionary;
    }

    /** The tone of {@code text} toward the entity {@code placement} places in it, with its language's resource. */
    abstract SentimentScore score(ArticleText text, R resource, EntityPlacement placement);
}
