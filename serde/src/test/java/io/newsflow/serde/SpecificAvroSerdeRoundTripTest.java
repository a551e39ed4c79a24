package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.PriceTick;
import io.newsflow.serde.registry.InMemorySchemaRegistry;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated record type survives SpecificAvroSerde unchanged, as the generated class. */
class SpecificAvroSerdeRoundTripTest {

    private final String scope = "round-trip-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    static Stream<SpecificRecord> everyRecordType() {
        return TestRecords.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRecordType")
    void everyGeneratedRecordRoundTripsAsTheSameValueAndClass(SpecificRecord record) {
        String topic = "topic-" + record.getSchema().getName();
        try (SpecificAvroSerde<SpecificRecord> serde = serde(false)) {
            byte[] bytes = serde.serializer().serialize(topic, record);
            SpecificRecord back = serde.deserializer().deserialize(topic, bytes);

            assertEquals(record, back);
            assertSame(record.getClass(), back.getClass());
            int registeredId = MockSchemaRegistry.forScope(scope).latest(topic + "-value").id();
            assertEquals(registeredId, ByteBuffer.wrap(bytes, 1, 4).getInt(), "schema id after the magic byte");
            assertEquals(WireFormat.MAGIC_BYTE, bytes[0]);
        }
    }

    @Test
    void japaneseTextAndFragmentsSurviveExactly() {
        ArticleEvent article = TestRecords.articleEvent();
        try (SpecificAvroSerde<ArticleEvent> serde = serde(false)) {
            ArticleEvent back = serde.deserializer().deserialize("news.articles",
                    serde.serializer().serialize("news.articles", article));

            assertEquals("メタ、300億ドル社債に注文殺到　株価は11%安", back.getTitle());
            assertEquals(article.getBody(), back.getBody());
            assertEquals(3, back.getFragments().size());
            assertEquals(0, back.getFragments().get(2).getRepeatOf());
            assertEquals(article.getPublishedAt(), back.getPublishedAt());
        }
    }

    @Test
    void theFixturesCoverEveryTopLevelSchemaFile() throws IOException, URISyntaxException {
        Set<String> fixtureTypes = everyRecordType().map(r -> r.getSchema().getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(topLevelSchemaNames(), fixtureTypes);
    }

    @Test
    void aKeySerdeRegistersUnderTheKeySubject() {
        PriceTick tick = TestRecords.priceTick();
        try (SpecificAvroSerde<PriceTick> serde = serde(true)) {
            byte[] bytes = serde.serializer().serialize("market.price-ticks", tick);

            assertEquals(tick, serde.deserializer().deserialize("market.price-ticks", bytes));
            InMemorySchemaRegistry registry = MockSchemaRegistry.forScope(scope);
            assertEquals(java.util.List.of("market.price-ticks-key"), registry.subjects());
        }
    }

    @Test
    void nullIsATombstoneBothWaysAndRegistersNothing() {
        try (SpecificAvroSerde<PriceTick> serde = serde(false)) {
            assertNull(serde.serializer().serialize("market.price-ticks", null));
            assertNull(serde.deserializer().deserialize("market.price-ticks", null));
            assertNull(serde.deserializer().deserialize("market.price-ticks", new RecordHeaders(), (ByteBuffer) null));
            assertEquals(java.util.List.of(), MockSchemaRegistry.forScope(scope).subjects());
        }
    }

    @Test
    void readsFromASliceOfALargerBufferWithoutCopyingItFirst() {
        PriceTick tick = TestRecords.priceTick();
        try (SpecificAvroSerde<PriceTick> serde = serde(false)) {
            byte[] bytes = serde.serializer().serialize("market.price-ticks", tick);
            byte[] padded = new byte[bytes.length + 7];
            System.arraycopy(bytes, 0, padded, 3, bytes.length);
            ByteBuffer slice = ByteBuffer.wrap(padded, 3, bytes.length).slice();

            assertEquals(tick, serde.deserializer().deserialize("market.price-ticks", new RecordHeaders(), slice));
            assertArrayEquals(bytes, serde.serializer().serialize("market.price-ticks", tick), "serialization is stable");
        }
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), isKey);
        return serde;
    }

    /** Names of the records in schemas/avro/*.avsc (not common/), read from the schemas module's resources. */
    private static Set<String> topLevelSchemaNames() throws IOException, URISyntaxException {
        URI dir = SpecificAvroSerdeRoundTripTest.class.getClassLoader().getResource("avro/PriceTick.avsc").toURI();
        if (dir.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(dir, Map.of())) {
                return names(jar.provider().getPath(dir).getParent());
            }
        }
        return names(Path.of(dir).getParent());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
