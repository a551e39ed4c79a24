package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.config.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Articles as large as the broker takes, against the real broker and the app as it runs (exactly-once):
 * a 0.9 MB English body of one sentence repeated, 0.9 MB of random words, and a 1 MB (UTF-8) Japanese body.
 * Each is scored on its first {@code text.analysis.max.chars} characters (or dead-lettered
 * {@code TOO_EXPENSIVE}), and an ordinary article published after them is scored too. Before, the first
 * one took about a minute of CPU: the transaction timed out, the thread was fenced, took the same
 * article again, and nothing after it was ever scored.
 */
@Tag("broker")
class LargeArticleEndToEndTest {

    private static AppOnBroker app;
    private static RunningApp running;
    private static Serializer<Object> avro;

    @BeforeAll
    static void start() throws Exception {
        app = AppOnBroker.start("large");
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
    void articlesAsLargeAsTheBrokerTakesAreScoredOnTheirCappedTextAndTheNewsAfterThemGoesOn() throws Exception {
        Instant now = Instant.now();
        send(article("repeated", "Meta rises", "Meta rose. ".repeat(900_000 / 11), "en", now));
        send(article("random-words", "Meta in a sea of words", randomWords(900_000), "en", now.plusSeconds(1)));
        send(article("japanese", "メタの株価", japanese(1_000_000), "ja", now.plusSeconds(2)));
        send(article("after", "Meta Platforms opens a new data centre", "Meta Platforms said on Monday it opened"
                + " a data centre in the north of the country.", "en", now.plusSeconds(3)));
        tickEveryPartition(now.plusSeconds(65)); // moves the funnel's watermarks past the articles

        Map<String, ScoredArticle> scored = awaitScores(Set.of("after"));
        assertEquals("Meta Platforms", scored.get("after").getEntity());
        assertEquals(null, scored.get("after").getAnalysedChars(), "a short article is read whole");
        for (String large : List.of("repeated", "random-words", "japanese")) {
            ScoredArticle score = scored.get(large);
            if (score == null) {
                DeadLetter letter = running.awaitDeadLetter(l -> l.getDetail() != null
                        && l.getDetail().contains("article " + large + ":"));
                assertEquals("TOO_EXPENSIVE", letter.getReason(), letter.getDetail());
                continue;
            }
            assertNotNull(score.getAnalysedChars(), large + " was cut");
            assertTrue(score.getAnalysedChars() <= 20_000, large + " read " + score.getAnalysedChars());
            assertTrue(score.getSentiment() >= -1 && score.getSentiment() <= 1, large + " " + score.getSentiment());
            assertTrue(score.getConfidence() >= 0 && score.getConfidence() <= 1, large + " " + score.getConfidence());
        }
    }

    private static ArticleEvent article(String id, String title, String body, String language, Instant at) {
        return ArticleEvent.newBuilder().setId(id).setSource("wire").setTitle(title).setBody(body)
                .setLanguage(language).setPublishedAt(at).build();
    }

    private static String randomWords(int chars) {
        String[] words = {"Meta", "rose", "fell", "shares", "stock", "Alphabet", "Microsoft", "profit", "loss", "not",
            "growth", "warned", "strong", "weak", "market", "investors", "record", "quarter", "guidance", "the", "of"};
        Random random = new Random(20);
        StringBuilder text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.toString();
    }

    /** Sentences of our own, repeated up to {@code bytes} of UTF-8. */
    private static String japanese(int bytes) {
        String sentences = "メタの株価は決算発表の後に上昇した。アルファベットは広告収入の減少で下落した。";
        int perCopy = sentences.getBytes(StandardCharsets.UTF_8).length;
        return sentences.repeat(bytes / perCopy);
    }

    private static void send(ArticleEvent article) throws Exception {
        running.send(Topics.ARTICLES, article.getId().getBytes(StandardCharsets.UTF_8),
                avro.serialize(Topics.ARTICLES, article));
    }

    private static void tickEveryPartition(Instant time) throws Exception {
        int partitions = running.producer.partitionsFor(Topics.PRICE_TICKS).size();
        for (int p = 0; p < partitions; p++) {
            String symbol = "WATERMARK" + p;
            PriceTick tick = PriceTick.newBuilder().setSymbol(symbol).setPrice(10.0).setSize(1).setEventTime(time).build();
            running.send(Topics.PRICE_TICKS, p, symbol.getBytes(StandardCharsets.UTF_8),
                    avro.serialize(Topics.PRICE_TICKS, tick));
        }
    }

    /** Every score read, by article id (the first entity's), once the articles {@code wanted} are all in. */
    private static Map<String, ScoredArticle> awaitScores(Set<String> wanted) {
        Deserializer<ScoredArticle> deserializer = AvroSerdes.<ScoredArticle>valueSerde(running.config).deserializer();
        Map<String, ScoredArticle> scored = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = running.consumer(Topics.ARTICLE_SCORES)) {
            long deadline = System.nanoTime() + RunningApp.WAIT.toNanos();
            while (!scored.keySet().containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("scores of " + scored.keySet() + " only, not all of " + wanted
                            + " within " + RunningApp.WAIT + "; /health " + running.health());
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    ScoredArticle score = deserializer.deserialize(Topics.ARTICLE_SCORES, r.value());
                    scored.putIfAbsent(score.getArticleId(), score);
                }
            }
        }
        return scored;
    }
}
