package io.newsflow.text.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityUniverseBuilderTest {

    /** Maven runs tests in the module directory, where the sources are. */
    private static final Path SOURCES = Path.of("universe");
    private static final Path SHIPPED = Path.of("src", "main", "resources", "text", "entities.tsv");

    @Test
    void theShippedDictionaryIsWhatTheBuildMakesOfTheCommittedSources() throws IOException {
        String built = EntityUniverseBuilder.build(SOURCES);
        assertEquals(built, Files.readString(SHIPPED, StandardCharsets.UTF_8),
                "entities.tsv differs from its sources: run bin/build-entities and commit the result");
    }

    @Test
    void theUniverseHoldsBothIndexesAndTheUnlistedLabs() {
        List<String> lines = EntityUniverseBuilder.build(SOURCES).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        long tokyo = lines.stream().filter(l -> l.split("\t")[1].endsWith(".T")).count();
        long unlisted = lines.stream().filter(l -> l.split("\t")[1].equals("-")).count();
        assertTrue(lines.size() - tokyo - unlisted >= 500, "S&P 500 companies: " + (lines.size() - tokyo - unlisted));
        assertEquals(225, tokyo);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("OpenAI\t-\t")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Berkshire Hathaway\tBRK.B\t")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Toyota Motor\t7203.T\t") && l.contains("|トヨタ|")));
    }

    @Test
    void shortFormsDropTheLegalSuffix() {
        assertEquals("Apple", EntityUniverseBuilder.shortEnglish("Apple Inc."));
        assertEquals("Toyota Motor", EntityUniverseBuilder.shortEnglish("Toyota Motor Corp."));
        assertEquals("Tesla", EntityUniverseBuilder.shortEnglish("Tesla, Inc."));
        assertEquals("Eli Lilly", EntityUniverseBuilder.shortEnglish("Eli Lilly and Company"));
        assertEquals("レゾナック", EntityUniverseBuilder.shortJapanese("レゾナック・ホールディングス"));
        assertEquals("アサヒ", EntityUniverseBuilder.shortJapanese("アサヒグループホールディングス"));
        assertEquals("Nippon Yusen K.K.", EntityUniverseBuilder.titleCase("NIPPON YUSEN K.K."));
        assertEquals("NEC Corp.", EntityUniverseBuilder.titleCase("NEC CORP."));
    }

    @Test
    void anAliasClaimedByTwoEntitiesFailsTheBuild(@TempDir Path dir) throws IOException {
        copySources(dir);
        Files.writeString(dir.resolve("overlay.tsv"), "AAPL\taliases\tWindows\nMSFT\taliases\tWindows\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EntityUniverseBuilder.build(dir));
        assertTrue(e.getMessage().contains("'Windows'"), e.getMessage());
    }

    @Test
    void anOverlayLineAboutNothingFailsTheBuild(@TempDir Path dir) throws IOException {
        copySources(dir);
        Files.writeString(dir.resolve("overlay.tsv"), "AAPL\tdrop\tApple Computer\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityUniverseBuilder.build(dir));
        assertTrue(e.getMessage().contains("overlay.tsv:1"), e.getMessage());
    }

    private static void copySources(Path dir) throws IOException {
        for (String f : List.of("sp500-constituents.csv", "nikkei225-constituents.csv",
                "nikkei225-english-names.csv", "nikkei225-short-names.csv")) {
            Files.copy(SOURCES.resolve(f), dir.resolve(f));
        }
    }
}
