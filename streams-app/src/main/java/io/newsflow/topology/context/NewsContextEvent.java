package io.newsflow.topology.context;

import io.newsflow.avro.ScoredArticle;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

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

    /**
     * On the wire a score is its {@link ScoredArticle} ({@code scores}' format) and a watermark a record without a
     * value, as before the types said so: records in flight when the app is upgraded read the same.
     */
    static Serde<NewsContextEvent> serde(Serde<ScoredArticle> scores) {
        Serializer<ScoredArticle> articles = scores.serializer();
        Deserializer<ScoredArticle> reader = scores.deserializer();
        return Serdes.serdeFrom(new Serializer<>() {
            @Override
            public byte[] serialize(String topic, NewsContextEvent event) {
                return serialize(topic, null, event);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, NewsContextEvent event) {
                return event instanceof Score score ? articles.serialize(topic, headers, score.article()) : null;
            }
        }, new Deserializer<>() {
            @Override
            public NewsContextEvent deserialize(String topic, byte[] bytes) {
                return deserialize(topic, null, bytes);
            }

            @Override
            public NewsContextEvent deserialize(String topic, Headers headers, byte[] bytes) {
                return bytes == null ? WATERMARK : new Score(reader.deserialize(topic, headers, bytes));
            }
        });
    }
}
