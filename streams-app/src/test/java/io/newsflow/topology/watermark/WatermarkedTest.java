package io.newsflow.topology.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.TopologySerdes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The records of the topics that carry values and watermarks say what they are, and read and write the bytes they
 * always had: a value (a score on news-context, a deal summary on bond-summaries-by-issuer) in its Avro format, a
 * watermark as a record without a value, sent to every partition.
 */
class WatermarkedTest {

    private static final String TOPIC = "newsflow-news-context-repartition";
    private final Serde<ScoredArticle> scores = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://news-context-event")).scoredArticle();
    private final Serde<Watermarked<ScoredArticle>> events = Watermarked.serde(scores);

    @Test
    void aScoreIsWrittenAsItsScoredArticleAndReadBackAsAScore() {
        ScoredArticle article = ScoredArticle.newBuilder().setArticleId("a1").setTicker("META")
                .setEntity("Meta Platforms").setSource("test").setTitle("t").setLanguage("en")
                .setPublishedAt(Instant.parse("2025-10-30T12:00:00Z")).setRelevance(1.0).setSentiment(-0.4)
                .setConfidence(0.8).setNovelty(1.0).build();

        byte[] bytes = events.serializer().serialize(TOPIC, new Watermarked.Value<>(article));

        assertArrayEquals(scores.serializer().serialize(TOPIC, article), bytes);
        assertEquals(new Watermarked.Value<>(article), events.deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void aWatermarkIsARecordWithoutAValue() {
        assertNull(events.serializer().serialize(TOPIC, Watermarked.watermark()));
        assertEquals(Watermarked.watermark(), events.deserializer().deserialize(TOPIC, null),
                "a watermark written before the records said what they are reads as one");
    }

    @Test
    void aDealSummaryIsItsBondBookSummaryAndADealWatermarkARecordWithoutAValue() {
        Serde<BondBookSummary> summaries = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://news-context-event")).bondBookSummary();
        Serde<Watermarked<BondBookSummary>> deals = Watermarked.serde(summaries);
        BondBookSummary summary = BondBookSummary.newBuilder().setDealId("META-1").setIssuerName("Meta Platforms")
                .setIssuerSymbol("META").setCurrency("USD").setStatus(io.newsflow.avro.BondStatus.BOOKBUILDING).setTargetSize(30_000).setOrderBookSize(125_000)
                .setPeakOrderBookSize(125_000).setOversubscription(4.17).setBookGrowthPerHour(0.0)
                .setFirstUpdateAt(Instant.EPOCH).setLastUpdateAt(Instant.EPOCH).setUpdateCount(1).build();

        byte[] bytes = deals.serializer().serialize("bond-summaries-by-issuer", new Watermarked.Value<>(summary));

        assertArrayEquals(summaries.serializer().serialize("bond-summaries-by-issuer", summary), bytes);
        assertEquals(new Watermarked.Value<>(summary), deals.deserializer().deserialize("bond-summaries-by-issuer", bytes));
        assertNull(deals.serializer().serialize("bond-summaries-by-issuer", Watermarked.watermark()));
        assertEquals(Watermarked.watermark(), deals.deserializer().deserialize("bond-summaries-by-issuer", null));
    }

    @Test
    void aWatermarkGoesToEveryPartitionAndAScoreWhereItsKeyGoes() {
        var partitioner = new KeyOrBroadcastPartitioner<String, Watermarked<ScoredArticle>>(Watermarked::isWatermark);

        assertEquals(Optional.of(Set.of(0, 1, 2)), partitioner.partitions(TOPIC, "news-watermark",
                Watermarked.watermark(), 3));
        assertEquals(Optional.empty(), partitioner.partitions(TOPIC, "META",
                new Watermarked.Value<>(ScoredArticle.newBuilder().setArticleId("a1").setTicker("META")
                        .setEntity("Meta Platforms").setSource("test").setTitle("t").setLanguage("en")
                        .setPublishedAt(Instant.EPOCH).setRelevance(1.0).setSentiment(0.0).setConfidence(1.0)
                        .setNovelty(1.0).build()), 3));
    }
}
