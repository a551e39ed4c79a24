package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.config.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Poison pills against the real broker and the app as it runs (exactly-once, the default profile):
 * each is dead-lettered with its reason and the partition goes on; a valid record sent after it on
 * the same partition is processed. Before, each of these stopped its partition for good (the
 * stream thread failed on the broker's refusal, was replaced, re-read the record, forever).
 */
@Tag("broker")
class PoisonPillEndToEndTest {

    private static AppOnBroker app;
    private static RunningApp running;
    private static Serializer<Object> avro;

    @BeforeAll
    static void start() throws Exception {
        app = AppOnBroker.start("poison");
        running = app.running();
        avro = app.avro();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void ticksDatedIn2100AreInvalidTimestampsAndTheSymbolGoesOn() throws Exception {
        // a 50% move within a second: without the check, an alert stamped 2100 that the broker refuses
        long first = sendTick("NVDA", 100.0, Instant.parse("2100-01-01T00:00:00Z"));
        sendTick("NVDA", 150.0, Instant.parse("2100-01-01T00:00:01Z"));
        sendTick("NVDA", 187.25, Instant.now());

        DeadLetter letter = running.awaitDeadLetter(l -> l.getSourceTopic().equals(Topics.PRICE_TICKS)
                && l.getOffset() == first);
        assertEquals("INVALID_TIMESTAMP", letter.getReason());
        assertTrue(letter.getDetail().contains("input.max.future.skew"), letter.getDetail());
        running.awaitGauge(187.25, "newsflow.price.last", "symbol", "NVDA");
    }

    @Test
    void ticksTwoHoursAheadOfTheWallClockAreInvalidTimestampsAndTheSymbolGoesOn() throws Exception {
        Instant ahead = Instant.now().plus(Duration.ofHours(2));
        long first = sendTick("MSFT", 100.0, ahead);
        sendTick("MSFT", 150.0, ahead.plusSeconds(1));
        sendTick("MSFT", 412.5, Instant.now());

        DeadLetter letter = running.awaitDeadLetter(l -> l.getSourceTopic().equals(Topics.PRICE_TICKS)
                && l.getOffset() == first);
        assertEquals("INVALID_TIMESTAMP", letter.getReason());
        running.awaitGauge(412.5, "newsflow.price.last", "symbol", "MSFT");
    }

    @Test
    void aMegabyteOfRandomBytesIsDeadLetteredTruncatedAndTheNextBookIsProcessed() throws Exception {
        // as large as the input topic takes: with the dead letter's own fields it exceeds max.request.size
        byte[] garbage = new byte[1024 * 1024 - 160];
        new Random(13).nextBytes(garbage);
        garbage[0] = 7; // not the wire format's magic byte
        byte[] key = "DEAL-GARBAGE".getBytes(StandardCharsets.UTF_8);
        long offset = running.send(Topics.BOND_BOOKS, key, garbage);
        BondBookUpdate valid = BondBookUpdate.newBuilder().setDealId("DEAL-GARBAGE").setIssuerName("Example Corp")
                .setIssuerSymbol("EXMP").setTargetSize(1_000_000_000L).setOrderBookSize(2_500_000_000L)
                .setStatus(BondStatus.BOOKBUILDING).setEventTime(Instant.now()).build();
        running.send(Topics.BOND_BOOKS, key, avro.serialize(Topics.BOND_BOOKS, valid));

        DeadLetter letter = running.awaitDeadLetter(l -> l.getSourceTopic().equals(Topics.BOND_BOOKS)
                && l.getOffset() == offset);
        assertEquals("DESERIALIZATION", letter.getReason());
        assertEquals(garbage.length, letter.getPayloadLength());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(garbage)),
                letter.getPayloadSha256());
        byte[] kept = bytes(letter.getPayload());
        assertTrue(kept.length < garbage.length, "truncated: " + kept.length);
        assertArrayEquals(Arrays.copyOf(garbage, kept.length), kept);

        BondBookSummary summary = awaitValue(Topics.BOND_ANALYTICS, "DEAL-GARBAGE");
        assertEquals(2.5, summary.getOversubscription(), 1e-9);
    }

    @Test
    void aPriceTickOnTheArticlesTopicIsADeserializationDeadLetter() throws Exception {
        PriceTick tick = PriceTick.newBuilder().setSymbol("META").setPrice(600.0).setSize(10)
                .setEventTime(Instant.now()).build();
        byte[] key = "wrong-type".getBytes(StandardCharsets.UTF_8);
        // written with the tick topic's schema id, sent to the articles topic
        long offset = running.send(Topics.ARTICLES, key, avro.serialize(Topics.PRICE_TICKS, tick));
        ArticleEvent article = ArticleEvent.newBuilder().setId("after-wrong-type").setSource("wire")
                .setTitle("Meta Platforms opens a new data centre").setBody("Meta Platforms said on Monday it opened"
                        + " a data centre in the north of the country.").setLanguage("en")
                .setPublishedAt(Instant.now()).build();
        running.send(Topics.ARTICLES, key, avro.serialize(Topics.ARTICLES, article));
        // Articles leave the novelty funnel in event-time order, once every partition's watermark has passed
        // them (docs/reliability.md#determinism); ticks on every partition move those watermarks on.
        tickEveryPartition(Instant.now().plusSeconds(65));

        DeadLetter letter = running.awaitDeadLetter(l -> l.getSourceTopic().equals(Topics.ARTICLES)
                && l.getOffset() == offset);
        assertEquals("DESERIALIZATION", letter.getReason());
        assertTrue(letter.getDetail().contains("wrong record type: PriceTick"), letter.getDetail());
        ScoredArticle scored = awaitValue(Topics.ARTICLE_SCORES, "META",
                (ScoredArticle s) -> s.getArticleId().equals("after-wrong-type"));
        assertEquals("after-wrong-type", scored.getArticleId());
    }

    /** A tick on each partition of the ticks topic, so that every task's stream time reaches {@code time}. */
    private static void tickEveryPartition(Instant time) throws Exception {
        int partitions = running.producer.partitionsFor(Topics.PRICE_TICKS).size();
        for (int p = 0; p < partitions; p++) {
            String symbol = SymbolsByPartition.on("WATERMARK", p, partitions);
            PriceTick tick = PriceTick.newBuilder().setSymbol(symbol).setPrice(10.0).setSize(1).setEventTime(time).build();
            running.send(Topics.PRICE_TICKS, p, symbol.getBytes(StandardCharsets.UTF_8),
                    avro.serialize(Topics.PRICE_TICKS, tick));
        }
    }

    private static long sendTick(String symbol, double price, Instant time) throws Exception {
        PriceTick tick = PriceTick.newBuilder().setSymbol(symbol).setPrice(price).setSize(100).setEventTime(time).build();
        return running.send(Topics.PRICE_TICKS, symbol.getBytes(StandardCharsets.UTF_8),
                avro.serialize(Topics.PRICE_TICKS, tick));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T awaitValue(String topic, String key) {
        return awaitValue(topic, key, v -> true);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T awaitValue(String topic, String key,
            java.util.function.Predicate<T> wanted) {
        Serde<T> serde = AvroSerdes.valueSerde(running.config);
        try (KafkaConsumer<byte[], byte[]> consumer = running.consumer(topic)) {
            long deadline = System.nanoTime() + RunningApp.WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key)) {
                        T value = serde.deserializer().deserialize(topic, r.value());
                        if (wanted.test(value)) {
                            return value;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + key + " on " + topic + " within " + RunningApp.WAIT + "; /health "
                + running.health());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
