package io.newsflow.ingest;

import static io.newsflow.ingest.TestFiles.resource;
import static io.newsflow.ingest.TestFiles.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.serde.KafkaAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class IngestCliTest {

    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://cli-" + UUID.randomUUID());
    /** Each run gets a fresh producer (the CLI closes its publisher); records are collected across runs until cleared. */
    private final List<MockProducer<String, Object>> producers = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    private final IngestCli cli;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    IngestCliTest() {
        long[] now = {0};
        cli = new IngestCli(cfg -> new RecordPublisher(newProducer(cfg)),
                pace -> new Pacer(pace, () -> now[0], millis -> {
                    sleeps.add(millis);
                    now[0] += millis;
                }));
    }

    private MockProducer<String, Object> newProducer(Map<String, Object> cfg) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(cfg, false);
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
        producers.add(producer);
        return producer;
    }

    private List<ProducerRecord<String, Object>> history() {
        return producers.stream().flatMap(p -> p.history().stream()).toList();
    }

    private int run(String... args) {
        return cli.run(List.of(args), config, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private List<ProducerRecord<String, Object>> sent(String topic) {
        return history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Test
    void scenarioPublishesEveryTopicKeyedAndInEventTimeOrder() {
        int rc = run("scenario", scenario("meta-bond-day").toString());

        assertEquals(0, rc, out());
        // 6 symbols, one tick every 30 s from 2025-10-29T13:30Z to 2025-10-31T21:00Z inclusive
        assertEquals(6 * (55 * 120 + 60 + 1), sent(Topics.PRICE_TICKS).size());
        assertEquals(17, sent(Topics.BOND_BOOKS).size());
        assertEquals(13, sent(Topics.ARTICLES).size());
        assertTrue(out().contains(Topics.PRICE_TICKS + ": 39966 records published"), out());
        assertTrue(out().contains(Topics.ARTICLES + ": 13 records published"), out());

        sent(Topics.PRICE_TICKS).forEach(r -> assertEquals(((PriceTick) r.value()).getSymbol(), r.key()));
        sent(Topics.BOND_BOOKS).forEach(r -> assertEquals("META-2025-10-30", r.key()));
        sent(Topics.ARTICLES).forEach(r -> assertEquals(((ArticleEvent) r.value()).getId(), r.key()));
        List<Long> times = history().stream().map(ProducerRecord::timestamp).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) >= times.get(i - 1), "event-time order at " + i);
        }
        assertEquals(sleeps, List.of(), "asap by default");
    }

    @Test
    void scenarioIsDeterministic() {
        run("scenario", scenario("meta-bond-day").toString());
        List<Object> first = history().stream().map(ProducerRecord::value).toList();
        producers.clear();

        run("scenario", scenario("meta-bond-day").toString());

        assertEquals(first, history().stream().map(ProducerRecord::value).toList());
    }

    @Test
    void articlesReportsEachBadFileAndPublishesTheRest() {
        int rc = run("articles", resource("articles").toString());

        assertEquals(1, rc, "some input was bad");
        assertEquals(6, sent(Topics.ARTICLES).size());
        String out = out();
        assertTrue(out.contains("bad input: " + resource("articles/broken-front-matter.md") + ": broken front matter"), out);
        assertTrue(out.contains("bad input: " + resource("articles/feed.jsonl") + ":3: missing 'body'"), out);
        assertTrue(out.contains("news.articles: 6 records published"), out);
    }

    @Test
    void ticksCsvValidatesByDefaultAndPassesInvalidValuesWithNoValidate() {
        run("ticks-csv", resource("ticks.csv").toString());
        assertEquals(3, sent(Topics.PRICE_TICKS).size());
        producers.clear();

        run("ticks-csv", resource("ticks.csv").toString(), "--no-validate");

        List<Double> prices = sent(Topics.PRICE_TICKS).stream().map(r -> ((PriceTick) r.value()).getPrice()).toList();
        assertEquals(6, prices.size());
        assertTrue(prices.stream().anyMatch(p -> Double.isNaN(p)));
        assertTrue(prices.contains(0.0));
    }

    @Test
    void ticksCsvPacesByEventTime() {
        run("ticks-csv", resource("ticks.csv").toString(), "--pace", "x2");

        // valid ticks at 19:59:30, 20:00:00, 20:01:00: gaps of 30 s and 60 s at double speed
        assertEquals(List.of(15_000L, 30_000L), sleeps);
    }

    @Test
    void ticksSimulatorHonoursSymbolsSeedWindowAndShock() {
        int rc = run("ticks-sim", "--symbols", "META=751.7,QQQ=632", "--seed", "3", "--from", "2025-10-29T20:00Z",
                "--to", "2025-10-29T21:00Z", "--interval", "1m", "--shock", "META -11% 2025-10-29T20:05Z 2025-10-29T20:35Z");

        assertEquals(0, rc, out());
        List<PriceTick> meta = sent(Topics.PRICE_TICKS).stream().map(r -> (PriceTick) r.value())
                .filter(t -> t.getSymbol().equals("META")).toList();
        assertEquals(61, meta.size());
        assertEquals(751.7, meta.get(0).getPrice());
        assertEquals(Math.log(0.89), Math.log(meta.get(35).getPrice() / meta.get(5).getPrice()), 0.01);
    }

    @Test
    void bondsReplayBothFormatsKeyedByDeal() {
        int rc = run("bonds", resource("bonds.csv").toString(), resource("bonds.jsonl").toString());

        assertEquals(1, rc, "both files hold bad rows");
        Map<String, Long> byKey = sent(Topics.BOND_BOOKS).stream()
                .collect(Collectors.groupingBy(ProducerRecord::key, Collectors.counting()));
        assertEquals(Map.of("META-2025-10-30", 4L, "ACME-1", 1L), byKey);
        sent(Topics.BOND_BOOKS).forEach(r -> assertEquals(((BondBookUpdate) r.value()).getEventTime(),
                Instant.ofEpochMilli(r.timestamp())));
    }

    @Test
    void dryRunCountsWithoutPublishing() {
        int rc = run("bonds-sim", scenario("meta-bond-day").resolve("bonds/deal-meta-2025-10-30.yaml").toString(), "--dry-run");

        assertEquals(0, rc);
        assertEquals(List.of(), history());
        assertTrue(out().contains(Topics.BOND_BOOKS + ": 17 records (dry run, not published)"), out());
    }

    @Test
    void aProducerThatCannotBeBuiltIsAnErrorNotACrash() {
        int rc = new IngestCli().run(List.of("bonds", resource("bonds.jsonl").toString()), Map.of("schema.registry.url", "mock://x"),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertEquals(2, rc);
        assertTrue(out().contains("error: cannot publish"), out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("ticks-csv", "a.csv", "--pace", "warp"));
        assertEquals(2, run("ticks-sim", "--from", "yesterday"));
        assertEquals(2, run("scenario", "/no/such/dir"));
        assertEquals(List.of(), history());
    }
}
