package io.newsflow.bench;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-record cost of the pipeline's Avro serde (Confluent wire format, specific reader): what every
 * input and output record pays at least once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerdeBenchmark {

    private KafkaAvroSerializer serializer;
    private KafkaAvroDeserializer deserializer;
    private PriceTick tick;
    private ArticleEvent article;
    private byte[] tickBytes;
    private byte[] articleBytes;

    @Setup
    public void setUp() {
        Map<String, Object> config = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, AvroSerdeConfig.MOCK_SCHEME + "jmh-serde-" + System.nanoTime(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        tick = new SyntheticMarket(42).next(Instant.parse("2025-10-30T13:30:00Z").toEpochMilli());
        article = SyntheticNews.sampleEnglish();
        tickBytes = serializer.serialize(Topics.PRICE_TICKS, tick);
        articleBytes = serializer.serialize(Topics.ARTICLES, article);
    }

    @TearDown
    public void tearDown() {
        serializer.close();
        deserializer.close();
    }

    @Benchmark
    public byte[] encodePriceTick() {
        return serializer.serialize(Topics.PRICE_TICKS, tick);
    }

    @Benchmark
    public Object decodePriceTick() {
        return deserializer.deserialize(Topics.PRICE_TICKS, tickBytes);
    }

    @Benchmark
    public byte[] encodeArticle() {
        return serializer.serialize(Topics.ARTICLES, article);
    }

    @Benchmark
    public Object decodeArticle() {
        return deserializer.deserialize(Topics.ARTICLES, articleBytes);
    }
}
