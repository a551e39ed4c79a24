package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An article waiting in the novelty funnel's reorder buffer, with the funnel record that brought it
 * ({@code topic/partition@offset}, for the replay rule of the "seen" entries).
 */
public record BufferedArticle(String source, ArticleEvent article) {

    /**
     * Layout: source length, source (UTF-8), the article as the articles topic's serde writes it
     * (Avro with its schema id, so an entry written before a schema change still reads).
     */
    public static Serde<BufferedArticle> serde(Serde<ArticleEvent> articles, String subjectTopic) {
        Serializer<ArticleEvent> writer = articles.serializer();
        Deserializer<ArticleEvent> reader = articles.deserializer();
        Serializer<BufferedArticle> serializer = (topic, buffered) -> {
            if (buffered == null) {
                return null;
            }
            byte[] source = (buffered.source() == null ? "" : buffered.source()).getBytes(StandardCharsets.UTF_8);
            byte[] article = writer.serialize(subjectTopic, buffered.article());
            return ByteBuffer.allocate(4 + source.length + article.length).putInt(source.length).put(source)
                    .put(article).array();
        };
        Deserializer<BufferedArticle> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte[] source = new byte[buffer.getInt()];
            buffer.get(source);
            byte[] article = new byte[buffer.remaining()];
            buffer.get(article);
            String s = new String(source, StandardCharsets.UTF_8);
            return new BufferedArticle(s.isEmpty() ? null : s, reader.deserialize(subjectTopic, article));
        };
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }
}
