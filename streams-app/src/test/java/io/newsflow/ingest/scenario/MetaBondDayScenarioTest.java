package io.newsflow.ingest.scenario;

import static io.newsflow.ingest.TestFiles.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.TextFiles;
import io.newsflow.ingest.article.ArticleLoader;
import io.newsflow.ingest.bond.BondBookSimulator;
import io.newsflow.ingest.bond.BondJsonLinesParser;
import io.newsflow.ingest.bond.BondJsonLinesWriter;
import io.newsflow.ingest.tick.Shock;
import io.newsflow.ingest.tick.SymbolSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The meta-bond-day scenario holds what its README promises. */
class MetaBondDayScenarioTest {

    private final Path dir = scenario("meta-bond-day");

    @Test
    void tickSpecCoversTheSixSymbolsWithTheMetaShock() throws IOException {
        Scenario s = Scenario.load(dir);

        assertEquals(List.of("META", "NVDA", "GOOGL", "MSFT", "AMZN", "QQQ"),
                s.tickSimulation().symbols().stream().map(SymbolSpec::symbol).toList());
        assertEquals(751.7, s.tickSimulation().symbols().get(0).startPrice());
        assertEquals(Instant.parse("2025-10-29T13:30:00Z"), s.tickSimulation().from());
        assertEquals(Instant.parse("2025-10-31T21:00:00Z"), s.tickSimulation().to());
        assertTrue(s.tickSimulation().shocks().contains(Shock.parse("META -11% 2025-10-29T20:05Z 2025-10-29T20:35Z")));
        s.tickSimulation().symbols().forEach(sym -> assertTrue(sym.volatility() >= 0.15 && sym.volatility() <= 0.25));
    }

    @Test
    void bondFileIsTheSimulationOfTheDealSpecAndEndsPricedAt125Billion() throws IOException, BadInputException {
        Scenario s = Scenario.load(dir);
        Path file = s.bondFiles().get(0);
        Parsed<BondBookUpdate> replay = new BondJsonLinesParser().parse(TextFiles.read(file, Long.MAX_VALUE), file.toString());
        List<BondBookUpdate> simulated = new BondBookSimulator().simulate(SpecReader.deal(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(dir.resolve("bonds/deal-meta-2025-10-30.yaml").toFile())));

        assertEquals(List.of(), replay.problems());
        assertEquals(new BondJsonLinesWriter().write(simulated), TextFiles.read(file, Long.MAX_VALUE),
                "regenerate the file with bonds-sim --write after changing the spec");
        BondBookUpdate last = replay.records().get(replay.records().size() - 1);
        assertEquals(BondStatus.PRICED, last.getStatus());
        assertEquals(125_000_000_000L, last.getOrderBookSize());
        assertEquals(30_000_000_000L, last.getTargetSize());
        assertEquals(List.of("5Y", "7Y", "10Y", "20Y", "30Y", "40Y"),
                last.getTranches().stream().map(t -> t.getTenor()).toList());
        assertEquals(30.0, replay.records().get(0).getSpreadGuidanceBps() - last.getSpreadGuidanceBps());
    }

    @Test
    void articlesAreHalfJapaneseHalfEnglishInTheWindowWithOneVerbatimRepost() throws IOException {
        Scenario s = Scenario.load(dir);
        Parsed<ArticleEvent> parsed = new ArticleLoader().load(s.articlePaths());

        assertEquals(List.of(), parsed.problems());
        List<ArticleEvent> articles = parsed.records();
        assertEquals(13, articles.size());
        Map<String, List<ArticleEvent>> byId = articles.stream().collect(Collectors.groupingBy(ArticleEvent::getId));
        assertEquals(12, byId.size(), "the repost shares its original's id");
        Map<String, Long> languages = byId.values().stream().map(l -> l.get(0))
                .collect(Collectors.groupingBy(ArticleEvent::getLanguage, Collectors.counting()));
        assertEquals(Map.of("ja", 6L, "en", 6L), languages);
        for (ArticleEvent a : articles) {
            assertTrue(!a.getPublishedAt().isBefore(Instant.parse("2025-10-29T20:05:00Z"))
                    && !a.getPublishedAt().isAfter(Instant.parse("2025-10-31T12:00:00Z")), a.getTitle());
        }
        String all = articles.stream().map(a -> a.getTitle() + a.getBody()).collect(Collectors.joining());
        for (String name : Set.of("Meta", "メタ", "NVIDIA", "エヌビディア", "Alphabet", "グーグル", "Microsoft",
                "マイクロソフト", "Amazon", "アマゾン", "OpenAI", "Meta Platforms")) {
            assertTrue(all.contains(name), name);
        }
    }

    @Test
    void oneArticleRepeatsAParagraphWithACutCopy() throws IOException {
        Parsed<ArticleEvent> parsed = new ArticleLoader().load(Scenario.load(dir).articlePaths());

        ArticleEvent scraped = parsed.records().stream()
                .filter(a -> a.getFragments().stream().anyMatch(f -> f.getRepeatOf() != null))
                .findFirst().orElse(null);
        assertNotNull(scraped);
        assertEquals(2, scraped.getFragments().stream().filter(f -> f.getRepeatOf() != null).count());
        assertTrue(scraped.getFragments().stream().anyMatch(f -> f.getRepeatOf() != null && f.getTruncated()));
        assertTrue(scraped.getTags().contains("US STOCKS"));
    }
}
