package io.newsflow.topology.context;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.watermark.NullIsWatermark;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the {@code news-context} topic carries to the ticker tasks ({@link NewsContextProcessor}): the scores of
 * articles, by ticker, and the news watermark, to every partition after the scores it covers.
 */
public sealed interface NewsContextEvent {

    /** The score of an article for one ticker: it goes into that ticker's news context. */
    record Score(ScoredArticle article) implements NewsContextEvent {
    }

    /**
     * The news watermark: every score of an article published at or before this record's timestamp has been sent
     * ({@link io.newsflow.topology.article.NewsWatermarkFeed}). Its time is the record's timestamp.
     */
    record Watermark() implements NewsContextEvent {
    }

    Watermark WATERMARK = new Watermark();

    static boolean isWatermark(NewsContextEvent event) {
        return event instanceof Watermark;
    }

    /** On the wire a score is its {@link ScoredArticle} ({@code scores}' format), a watermark a record without a value. */
    static Serde<NewsContextEvent> serde(Serde<ScoredArticle> scores) {
        return NullIsWatermark.serde(scores, Score::new,
                event -> event instanceof Score score ? score.article() : null, WATERMARK);
    }
}
