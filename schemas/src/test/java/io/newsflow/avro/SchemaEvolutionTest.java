package io.newsflow.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which changes to the real .avsc files the schema registry will accept, checked with Avro's own
 * {@link SchemaCompatibility} (the check Confluent's registry runs).
 *
 * <p>Policy: the input topics (market.price-ticks, market.bond-books, news.articles) use FULL
 * compatibility. Their producers (feeds, ingest) and consumers (this pipeline, other teams) deploy
 * independently, so a new schema must both read every record already on the topic (BACKWARD: new
 * consumers, old data) and be readable by consumers that have not upgraded yet (FORWARD: old
 * consumers, new data). In practice: add or remove only fields that have defaults; never add a
 * required field, never remove one. Output topics, written only by this pipeline, keep Confluent's
 * default BACKWARD. Terms: the reader is the schema a consumer compiled against, the writer the one
 * the record was produced with; BACKWARD checks reader=new against writer=old, FORWARD the reverse.
 */
class SchemaEvolutionTest {

    private static final List<String> COMMON = List.of("BondStatus", "BondTranche", "ArticleFragment");

    @Test
    void scoredArticleEvidenceWasAddedCompatiblyAndOldScoresReadWithoutEvidence() throws IOException {
        Schema current = load("ScoredArticle");
        Schema before = withoutField(current, "evidence");

        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(current, before),
                "BACKWARD: the pipeline reads scores written before evidence existed");
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(before, current),
                "FORWARD: consumers of news.article-scores that have not upgraded ignore it");
        assertEquals(List.of(), current.getField("evidence").defaultVal(), "old scores read with no evidence");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PriceTick", "BondBookUpdate", "ArticleEvent"})
    void aNewOptionalFieldWithADefaultIsBackwardForwardAndSoFullCompatible(String input) throws IOException {
        Schema current = load(input);
        Schema next = withField(current, new Schema.Field("sourceSequence",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG)),
                "Feed sequence number, when the source has one.", JsonProperties.NULL_VALUE));

        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(next, current), "BACKWARD");
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(current, next), "FORWARD");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PriceTick", "BondBookUpdate", "ArticleEvent"})
    void removingARequiredFieldIsRejectedByForwardAndSoByFull(String input) throws IOException {
        Schema current = load(input);
        String required = firstRequiredField(current);
        Schema next = withoutField(current, required);

        SchemaPairCompatibility oldReaderNewData = SchemaCompatibility.checkReaderWriterCompatibility(current, next);

        assertIncompatible(oldReaderNewData, SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE, required);
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(next, current),
                "BACKWARD alone would allow it: new readers ignore the field");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PriceTick", "BondBookUpdate", "ArticleEvent"})
    void addingARequiredFieldWithoutADefaultIsRejectedByBackward(String input) throws IOException {
        Schema current = load(input);
        Schema next = withField(current, new Schema.Field("region", Schema.create(Schema.Type.STRING), "Required, no default.", null));

        SchemaPairCompatibility newReaderOldData = SchemaCompatibility.checkReaderWriterCompatibility(next, current);

        assertIncompatible(newReaderOldData, SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE, "region");
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(current, next),
                "FORWARD alone would allow it: old readers ignore the field");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BondBookUpdate", "BondBookSummary"})
    void aNewBondStatusSymbolIsFullCompatibleBecauseTheEnumDeclaresADefault(String record) throws IOException {
        Schema current = load(record);
        Schema status = current.getField("status").schema();
        List<String> symbols = new ArrayList<>(status.getEnumSymbols());
        symbols.add("WITHDRAWN");
        Schema nextStatus = Schema.createEnum(status.getName(), status.getDoc(), status.getNamespace(), symbols,
                status.getEnumDefault());
        Schema next = replaceField(current, "status", nextStatus);

        assertEquals("UNKNOWN", status.getEnumDefault());
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(next, current), "BACKWARD");
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(current, next),
                "FORWARD: old readers map WITHDRAWN to UNKNOWN");
    }

    @Test
    void scoredArticleConfidenceWasAddedCompatiblyAndOldScoresReadAsFullConfidence() throws IOException {
        Schema current = load("ScoredArticle");
        Schema before = withoutField(current, "confidence");

        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(current, before),
                "BACKWARD: the pipeline reads scores written before confidence existed");
        assertCompatible(SchemaCompatibility.checkReaderWriterCompatibility(before, current),
                "FORWARD: consumers of news.article-scores that have not upgraded ignore it");
        assertEquals(1.0, current.getField("confidence").defaultVal(),
                "old scores keep the full weight they were counted with");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PriceTick", "BondBookUpdate", "ArticleEvent", "ScoredArticle", "SentimentRolling",
            "MarketReaction", "BondBookSummary", "CreditEquityView", "PriceMoveAlert", "DeadLetter", "ArticleFragment",
            "BondTranche", "SignalQuality", "DecayedSentiment"})
    void everyNullableFieldDefaultsToNullSoItCanLaterBeRemovedUnderFull(String record) throws IOException {
        Schema schema = load(record);
        for (Schema.Field field : schema.getFields()) {
            if (field.schema().isNullable()) {
                assertTrue(field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE,
                        record + "." + field.name() + " is nullable but does not default to null");
            }
        }
    }

    /** Parses schemas/avro/{name}.avsc (or common/{name}.avsc) with the shared common types known. */
    static Schema load(String name) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Schema found = null;
        for (String common : COMMON) {
            Schema parsed = parse(parser, "avro/common/" + common + ".avsc");
            if (common.equals(name)) {
                found = parsed;
            }
        }
        return found != null ? found : parse(parser, "avro/" + name + ".avsc");
    }

    private static Schema parse(Schema.Parser parser, String resource) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing resource " + resource);
            return parser.parse(in);
        }
    }

    private static String firstRequiredField(Schema schema) {
        return schema.getFields().stream().filter(f -> !f.hasDefaultValue()).findFirst().orElseThrow().name();
    }

    private static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = copyFields(record);
        fields.add(added);
        return copy(record, fields);
    }

    private static Schema withoutField(Schema record, String removed) {
        List<Schema.Field> fields = copyFields(record);
        fields.removeIf(f -> f.name().equals(removed));
        return copy(record, fields);
    }

    private static Schema replaceField(Schema record, String name, Schema type) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(f.name().equals(name) ? new Schema.Field(f, type) : new Schema.Field(f, f.schema()));
        }
        return copy(record, fields);
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        return fields;
    }

    private static Schema copy(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static void assertCompatible(SchemaPairCompatibility result, String what) {
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(),
                what + ": " + result.getDescription());
    }

    private static void assertIncompatible(SchemaPairCompatibility result, SchemaIncompatibilityType type, String field) {
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE, result.getType());
        List<Incompatibility> incompatibilities = result.getResult().getIncompatibilities();
        assertEquals(1, incompatibilities.size(), result.getDescription());
        assertEquals(type, incompatibilities.get(0).getType());
        assertEquals(field, incompatibilities.get(0).getMessage());
    }
}
