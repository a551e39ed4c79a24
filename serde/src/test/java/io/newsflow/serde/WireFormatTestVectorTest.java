package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.serde.registry.InMemorySchemaRegistry;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hand-checked test vector: the exact bytes Confluent's KafkaAvroSerializer writes for a fixed
 * PriceTick under schema id 7, derived byte by byte from the Avro 1.12 specification (binary
 * encoding) and Confluent's wire format. If this test passes, Confluent's deserializer reads our
 * records and ours reads theirs.
 */
class WireFormatTestVectorTest {

    /**
     * PriceTick{symbol=META, venue=XNAS, price=612.5, size=100, currency=USD,
     * eventTime=2025-10-30T20:00:00Z, bid=612.25, ask=null}, fields in schema order.
     */
    private static final String EXPECTED_HEX = String.join("",
            // Confluent header: magic byte 0, then the schema id as a 4-byte big-endian int: 7.
            "00", "00000007",
            // symbol "META": string = zigzag varint length (4 -> 8 = 0x08) + UTF-8 bytes M E T A.
            "08", "4d455441",
            // venue ["null","string"] = "XNAS": union branch index 1 (zigzag 2 = 0x02), length 4 (0x08), X N A S.
            "02", "08", "584e4153",
            // price double 612.5: IEEE-754 binary64, 612.5 = 1001100100.1b = 1.0011001001b x 2^9,
            // exponent 9 + 1023 = 1032 = 0x408, fraction 0011 0010 0100 0... -> 0x4083240000000000,
            // written little-endian.
            "0000000000248340",
            // size long 100: zigzag 200 = 0xc8 = 1100 1000b; varint 7-bit groups low first:
            // 100 1000b with continuation bit -> 0xc8, then 1 -> 0x01.
            "c801",
            // currency "USD": length 3 -> zigzag 6 = 0x06, then U S D.
            "06", "555344",
            // eventTime timestamp-millis long 1761854400000 (2025-10-30T20:00:00Z): zigzag doubles it to
            // 3523708800000 = 0x3346D694C00; 7-bit groups from the low end: 0x00 0x18 0x25 0x6b 0x46 0x66,
            // each but the last with the continuation bit 0x80: 80 98 a5 eb c6 66.
            "8098a5ebc666",
            // bid ["null","double"] = 612.25: branch 1 (0x02), then 612.25 = 1001100100.01b ->
            // fraction 0011 0010 0010 0... -> 0x4083220000000000 little-endian.
            "02", "0000000000228340",
            // ask ["null","double"] = null: branch 0 (0x00), no value bytes.
            "00");

    private static final PriceTick TICK = PriceTick.newBuilder()
            .setSymbol("META").setVenue("XNAS").setPrice(612.5).setSize(100).setCurrency("USD")
            .setEventTime(Instant.parse("2025-10-30T20:00:00Z")).setBid(612.25).setAsk(null)
            .build();

    private final String scope = "vector-" + UUID.randomUUID();
    private SpecificAvroSerde<PriceTick> serde;

    @BeforeEach
    void givenSixSchemasRegisteredBeforePriceTick() {
        InMemorySchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        List<Schema> earlier = List.of(ArticleEvent.getClassSchema(), BondBookUpdate.getClassSchema(),
                ScoredArticle.getClassSchema(), SentimentRolling.getClassSchema(), MarketReaction.getClassSchema(),
                BondBookSummary.getClassSchema());
        for (Schema schema : earlier) {
            registry.register("topic-" + schema.getName() + "-value", schema);
        }
        serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    }

    @AfterEach
    void dropScope() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void serializesToTheHandDerivedBytes() {
        byte[] bytes = serde.serializer().serialize("market.price-ticks", TICK);

        assertEquals(EXPECTED_HEX, HexFormat.of().formatHex(bytes));
        assertEquals(7, MockSchemaRegistry.forScope(scope).latest("market.price-ticks-value").id());
    }

    @Test
    void deserializesTheHandDerivedBytes() {
        byte[] bytes = HexFormat.of().parseHex(EXPECTED_HEX);
        MockSchemaRegistry.forScope(scope).register("market.price-ticks-value", PriceTick.getClassSchema());

        assertEquals(TICK, serde.deserializer().deserialize("market.price-ticks", bytes));
    }

    @Test
    void theHeaderHelpersAgreeWithTheVector() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        WireFormat.writeHeader(out, 7);

        assertArrayEquals(HexFormat.of().parseHex("0000000007"), out.toByteArray());
        assertEquals(7, WireFormat.readSchemaId("t", HexFormat.of().parseHex(EXPECTED_HEX), 0, 5));
        assertEquals(0x01020304, WireFormat.readSchemaId("t", new byte[] {0, 1, 2, 3, 4}, 0, 5));
    }
}
