package io.newsflow.serde.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/**
 * The registry enforces Confluent's compatibility levels, global and per subject. Three versions of a
 * record: v1 {a}, v2 {a, b optional}, v3 {b optional} (a removed), plus variants.
 */
class CompatibilityLevelsTest {

    private static final Schema V1 = SchemaBuilder.record("Tick").fields()
            .requiredString("a").endRecord();
    private static final Schema V2_ADDS_OPTIONAL_B = SchemaBuilder.record("Tick").fields()
            .requiredString("a").optionalString("b").endRecord();
    private static final Schema ADDS_REQUIRED_C = SchemaBuilder.record("Tick").fields()
            .requiredString("a").requiredLong("c").endRecord();
    private static final Schema DROPS_REQUIRED_A = SchemaBuilder.record("Tick").fields()
            .optionalString("b").endRecord();
    private static final Schema A_WITH_DEFAULT = SchemaBuilder.record("Tick").fields()
            .name("a").type().stringType().stringDefault("x").endRecord();

    @Test
    void backwardIsTheDefaultAsInConfluent() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        assertEquals(CompatibilityLevel.BACKWARD, registry.globalCompatibility());
        assertEquals(CompatibilityLevel.BACKWARD, registry.compatibility("any-subject"));
    }

    @Test
    void backwardAcceptsAnOptionalFieldAndRejectsARequiredOne() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.BACKWARD);

        assertTrue(registry.isCompatible("s", V2_ADDS_OPTIONAL_B));
        assertFalse(registry.isCompatible("s", ADDS_REQUIRED_C), "new readers cannot fill c in old records");
        assertTrue(registry.isCompatible("s", DROPS_REQUIRED_A), "new readers just ignore a");
    }

    @Test
    void forwardRejectsDroppingAFieldOldReadersRequire() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.FORWARD);

        assertFalse(registry.isCompatible("s", DROPS_REQUIRED_A), "old readers need a, new data lacks it");
        assertTrue(registry.isCompatible("s", ADDS_REQUIRED_C), "old readers ignore c");
    }

    @Test
    void fullNeedsBothDirections() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.FULL);

        assertTrue(registry.isCompatible("s", V2_ADDS_OPTIONAL_B));
        assertFalse(registry.isCompatible("s", ADDS_REQUIRED_C));
        assertFalse(registry.isCompatible("s", DROPS_REQUIRED_A));
    }

    @Test
    void noneAcceptsAnything() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.NONE);

        assertTrue(registry.isCompatible("s", ADDS_REQUIRED_C));
        int id = registry.register("s", ADDS_REQUIRED_C);

        assertEquals(new RegisteredSchema("s", id, 2, ADDS_REQUIRED_C), registry.latest("s"));
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersionNotJustTheLatest() {
        // v1 {a}; v2 {a default "x"}; candidate {b optional}, which drops a.
        // FORWARD vs v2 only: v2 readers default a -> fine. FORWARD_TRANSITIVE vs v1: v1 readers need a -> rejected.
        InMemorySchemaRegistry plain = withV1(CompatibilityLevel.FORWARD);
        plain.register("s", A_WITH_DEFAULT);
        InMemorySchemaRegistry transitive = withV1(CompatibilityLevel.FORWARD_TRANSITIVE);
        transitive.register("s", A_WITH_DEFAULT);

        assertTrue(plain.isCompatible("s", DROPS_REQUIRED_A));
        assertFalse(transitive.isCompatible("s", DROPS_REQUIRED_A));
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOneForThatSubjectOnly() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.BACKWARD);
        registry.register("other", V1);
        registry.setSubjectCompatibility("s", CompatibilityLevel.NONE);

        assertTrue(registry.isCompatible("s", ADDS_REQUIRED_C));
        assertFalse(registry.isCompatible("other", ADDS_REQUIRED_C));
        assertEquals(java.util.Optional.empty(), registry.subjectCompatibility("other"));
    }

    @Test
    void anIncompatibleRegistrationIs409WithAvrosReason() {
        InMemorySchemaRegistry registry = withV1(CompatibilityLevel.BACKWARD);

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> registry.register("s", ADDS_REQUIRED_C));

        assertEquals(409, e.errorCode());
        assertEquals(409, e.httpStatus());
        assertTrue(e.getMessage().startsWith("Schema being registered is incompatible with an earlier schema for subject 's'"
                + " (compatibility BACKWARD): new schema cannot read data written with an existing one: READER_FIELD_MISSING_DEFAULT_VALUE"),
                e.getMessage());
        assertEquals(List.of(1), registry.versions("s"));
    }

    @Test
    void theSameSchemaGetsTheSameIdUnderEverySubjectAndReRegisteringIsIdempotent() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        int first = registry.register("a-value", V1);

        assertEquals(first, registry.register("b-value", V1));
        assertEquals(first, registry.register("a-value", V1));
        assertEquals(List.of(1), registry.versions("a-value"));
        assertEquals(2, registry.register("a-value", V2_ADDS_OPTIONAL_B));
    }

    @Test
    void levelNamesParseCaseInsensitivelyAndUnknownOnesAre42203() {
        assertEquals(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityLevel.parse("full_transitive"));

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> CompatibilityLevel.parse("SIDEWAYS"));

        assertEquals(42203, e.errorCode());
        assertEquals(422, e.httpStatus());
    }

    private static InMemorySchemaRegistry withV1(CompatibilityLevel level) {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(level);
        registry.register("s", V1);
        return registry;
    }
}
