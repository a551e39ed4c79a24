package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.T0;
import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondStatus;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.text.EntityResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input goes to dead-letters with its reason and original bytes, and the next good record is processed. */
class DeadLetterTopologyTest {

    @Test
    void undecodableTickIsDeadLetteredWithItsBytesAndTheNextTickIsUsed() {
        try (TopologyFixture f = new TopologyFixture()) {
            byte[] key = "META".getBytes(StandardCharsets.UTF_8);
            byte[] garbage = {0, 0, 0, 0, 42, 1, 2, 3};
            f.rawTicks.pipeInput(key, garbage, T0);
            f.tick("META", 612.5, T0.plusSeconds(1));

            DeadLetter letter = f.deadLetters.readValue();
            assertEquals("DESERIALIZATION", letter.getReason());
            assertEquals(Topics.PRICE_TICKS, letter.getSourceTopic());
            assertEquals(0, letter.getOffset());
            assertArrayEquals(garbage, bytes(letter.getPayload()));
            assertArrayEquals(key, bytes(letter.getKey()));
            assertEquals(T0, letter.getRecordTimestamp());
            assertTrue(f.deadLetters.isEmpty());
            assertEquals(612.5, f.gauge("newsflow.price.last", "symbol", "META"));
            assertEquals(1.0, f.counter("newsflow.dead.letters", "reason", "DESERIALIZATION"));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 0.0, -3.5})
    void invalidPricesAreDeadLettered(double price) {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", price, T0);
            f.tick("META", 600.0, T0.plusSeconds(1));

            DeadLetter letter = f.deadLetters.readValue();
            assertEquals("INVALID_PRICE", letter.getReason());
            PriceTick original = f.serdes.priceTick().deserializer()
                    .deserialize(Topics.PRICE_TICKS, bytes(letter.getPayload()));
            assertEquals(price, original.getPrice());
            assertEquals(600.0, f.gauge("newsflow.price.last", "symbol", "META"));
            assertEquals(1.0, f.counter("newsflow.dead.letters", "reason", "INVALID_PRICE"));
        }
    }

    @Test
    void tickWithoutSymbolIsDeadLetteredAsMissingKey() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("", 600.0, T0);
            assertEquals("MISSING_KEY", f.deadLetters.readValue().getReason());
        }
    }

    @Test
    void invalidBondUpdatesAreDeadLetteredAndValidOnesSummarised() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("D1", bond("D1", 0, 10, BondStatus.BOOKBUILDING, T0).build());
            f.bonds.pipeInput("D1", bond("D1", 30, -1, BondStatus.BOOKBUILDING, T0).build());
            f.bonds.pipeInput("D1", bond("D1", 30, 10, BondStatus.UNKNOWN, T0).build());
            f.bonds.pipeInput("D1", bond("D1", 30, 60, BondStatus.BOOKBUILDING, T0).build());

            List<DeadLetter> letters = f.deadLetters.readValuesToList();
            assertEquals(List.of("INVALID_BOND", "INVALID_BOND", "INVALID_BOND"),
                    letters.stream().map(DeadLetter::getReason).toList());
            assertTrue(letters.get(2).getDetail().contains("UNKNOWN"));
            assertEquals(2.0, f.bondBooks.readValue().getOversubscription(), 1e-9);
            assertEquals(3.0, f.counter("newsflow.dead.letters", "reason", "INVALID_BOND"));
        }
    }

    @Test
    void emptyArticleIsDeadLetteredAndTheNextArticleScored() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a0", " ", "", T0).build());
            f.publish(article("a1", "Meta beats estimates", "Strong quarter.", T0).build());

            DeadLetter letter = f.deadLetters.readValue();
            assertEquals("EMPTY_ARTICLE", letter.getReason());
            assertEquals(Topics.ARTICLES, letter.getSourceTopic());
            assertEquals("a1", f.scores.readValue().getArticleId());
        }
    }

    @Test
    void undecodableArticleAndBondAreDeadLettered() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.rawArticles.pipeInput("x".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
            f.rawBonds.pipeInput("y".getBytes(StandardCharsets.UTF_8), (byte[]) null);

            List<DeadLetter> letters = f.deadLetters.readValuesToList();
            assertEquals(List.of(Topics.ARTICLES, Topics.BOND_BOOKS),
                    letters.stream().map(DeadLetter::getSourceTopic).toList());
            assertTrue(letters.stream().allMatch(l -> l.getReason().equals("DESERIALIZATION")));
            assertEquals(2.0, f.counter("newsflow.dead.letters", "reason", "DESERIALIZATION"));
        }
    }

    @Test
    void anExceptionInOurCodeBecomesAProcessingErrorAndTheAppKeepsGoing() {
        EntityResolver failsOnBoom = article -> {
            if (article.getTitle().contains("boom")) {
                throw new IllegalStateException("resolver exploded");
            }
            return FakeTextAnalysis.resolver().resolve(article);
        };
        try (TopologyFixture f = new TopologyFixture(TopologySettings.defaults(), failsOnBoom,
                FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter())) {
            f.publish(article("a0", "boom at Meta", "text", T0).build());
            f.publish(article("a1", "Meta beats estimates", "Strong quarter.", T0.plusSeconds(5)).build());

            DeadLetter letter = f.deadLetters.readValue();
            assertEquals("PROCESSING_ERROR", letter.getReason());
            assertTrue(letter.getDetail().contains("resolver exploded"));
            assertEquals("a0", f.serdes.articleEvent().deserializer()
                    .deserialize(Topics.ARTICLES, bytes(letter.getPayload())).getId());
            assertEquals("a1", f.scores.readValue().getArticleId());
            assertEquals(1.0, f.counter("newsflow.dead.letters", "reason", "PROCESSING_ERROR"));
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
