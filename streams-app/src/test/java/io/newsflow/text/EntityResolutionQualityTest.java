package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression check on the project's own labelled sentences (src/test/resources/entities): the shipped dictionary
 * and resolver must keep the targets of issue 12 (precision >= 0.95, recall >= 0.90). Figures: docs/quality.md.
 */
class EntityResolutionQualityTest {

    private static final Path LABELLED = Path.of("src", "test", "resources", "entities", "labelled-sentences.tsv");

    @Test
    void theShippedResolverMeetsThePrecisionAndRecallTargets() {
        EntityResolutionEvaluation.Result result =
                EntityResolutionEvaluation.evaluate(TextAnalysis.defaults().entityResolver(), LABELLED);
        String report = EntityResolutionEvaluation.report(result);
        assertTrue(result.cases().size() >= 200, report);
        assertTrue(result.precision() >= 0.95, report);
        assertTrue(result.recall() >= 0.90, report);
    }
}
