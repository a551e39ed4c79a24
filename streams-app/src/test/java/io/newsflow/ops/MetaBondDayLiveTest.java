package io.newsflow.ops;

import static io.newsflow.Waits.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.AppConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Meta bond-day story asked through the query API while and after the demo replays it: each
 * endpoint answers what the output topics carry, 404 for unknown keys, the alert stream pushes every
 * alert as it is made, and the live page, open in a real headless Chromium from the replay's start,
 * charts the day (screenshot: target/live-page.png).
 */
class MetaBondDayLiveTest extends MetaBondDayStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConcurrentLinkedQueue<String> streamed = new ConcurrentLinkedQueue<>();
    private CompletableFuture<?> alertStream;
    private HeadlessChromium browser;

    @Override
    protected AppConfig baseConfig() {
        return AppConfig.defaults();
    }

    @Override
    protected void duringReplay() throws Exception {
        alertStream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort() + "/api/v1/stream/alerts"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> streamed.add(line.substring("data:".length()).trim())));
        if (HeadlessChromium.available()) {
            browser = new HeadlessChromium(); // the page follows the replay from its start
            browser.driver().get("http://127.0.0.1:" + apiPort() + "/");
        }
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLivePageChartsTheDayInARealBrowser() throws Exception {
        HeadlessChromium.require();
        assertNotNull(browser, "the browser did not start with the replay");
        WebDriver page = browser.driver();
        Map<String, String> counts = new TreeMap<>();
        try {
            await("every chart and table has data").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        for (String chart : List.of("price", "sentiment", "book", "credit")) {
                            counts.put(chart, page.findElement(By.id(chart)).getDomAttribute("data-points"));
                        }
                        counts.put("price alerts", page.findElement(By.id("price")).getDomAttribute("data-alerts"));
                        counts.put("articles", page.findElement(By.id("articles")).getDomAttribute("data-rows"));
                        counts.put("alerts", page.findElement(By.id("alerts")).getDomAttribute("data-rows"));
                        counts.put("tranches", page.findElement(By.id("tranches")).getDomAttribute("data-rows"));
                        counts.put("signal quality", page.findElement(By.id("signal")).getDomAttribute("data-rows"));
                        counts.put("decayed sentiment",
                                page.findElement(By.id("decayed-summary")).getDomAttribute("data-points"));
                        return counts.values().stream().noneMatch(n -> n == null || n.equals("0"));
                    });
        } catch (ConditionTimeoutException e) {
            // the assertion below names what is still empty
        }
        browser.screenshot(Path.of("target", "live-page.png"));
        assertTrue(counts.values().stream().noneMatch(n -> n == null || n.equals("0")), "empty on the page: " + counts
                + "; status: " + page.findElement(By.id("status")).getText());
        assertTrue(Integer.parseInt(counts.get("price")) > 1000, "price points " + counts);
        assertTrue(page.findElement(By.id("credit-summary")).getText().contains("x"), "credit summary shown");
        assertTrue(page.findElement(By.id("tranche-note")).getText().contains("Illustrative"),
                "the Meta scenario's tranches are marked illustrative");
    }

    @Test
    void latestSentimentIsTheLastRecordOfTheSentimentTopic() throws Exception {
        SentimentRolling day = outputs.latestSentiment().get("META 24h");
        JsonNode answer = ok("/api/v1/sentiment/META?window=24h");
        assertEquals(day.getWindowEnd().toString(), answer.get("windowEnd").asText());
        assertEquals(day.getArticleCount(), answer.get("articleCount").asLong());
        assertEquals(day.getNoveltyWeightedSentiment(), answer.get("noveltyWeightedSentiment").asDouble(), 1e-9);
    }

    @Test
    void sentimentHistoryListsTheWindowsInTheRangeOldestFirst() throws Exception {
        JsonNode history = ok("/api/v1/sentiment/META?window=1h&from=2025-10-29T00:00:00Z&to=2025-10-30T00:00:00Z");
        List<Instant> ends = new ArrayList<>();
        history.get("points").forEach(p -> ends.add(Instant.parse(p.get("windowEnd").asText())));
        assertFalse(ends.isEmpty(), history.toString());
        assertEquals(ends.stream().sorted().toList(), ends);
        assertTrue(ends.stream().allMatch(t -> !t.isBefore(Instant.parse("2025-10-29T00:00:00Z"))
                && !t.isAfter(Instant.parse("2025-10-30T00:00:00Z"))), ends.toString());
        history.get("points").forEach(p -> assertEquals("1h", p.get("windowLabel").asText()));
    }

    @Test
    void reactionsShowTheElevenPercentDropAfterTheEarningsNews() throws Exception {
        JsonNode articles = ok("/api/v1/reactions/META?limit=50").get("articles");
        assertTrue(articles.size() > 0);
        double worst = 0;
        String previous = null;
        for (JsonNode article : articles) {
            String published = article.get("score").get("publishedAt").asText();
            assertTrue(previous == null || published.compareTo(previous) <= 0, "newest first");
            previous = published;
            for (JsonNode reaction : article.get("reactions")) {
                worst = Math.min(worst, reaction.get("priceReturn").asDouble());
            }
        }
        assertTrue(worst < -0.08 && worst > -0.14, "worst META reaction " + worst);
    }

    @Test
    void anArticleHasItsScoresAndItsReactionsAtEachHorizon() throws Exception {
        String id = outputs.allReactions().stream().filter(r -> r.getTicker().toString().equals("META")).findFirst()
                .orElseThrow().getArticleId().toString();
        JsonNode article = ok("/api/v1/articles/" + id);
        JsonNode meta = null;
        for (JsonNode score : article.get("scores")) {
            assertEquals(id, score.get("score").get("articleId").asText());
            if (score.get("score").get("ticker").asText().equals("META")) {
                meta = score;
            }
        }
        assertNotNull(meta, article.toString());
        Set<String> horizons = new TreeSet<>();
        meta.get("reactions").forEach(r -> horizons.add(r.get("horizonLabel").asText()));
        Set<String> expected = outputs.allReactions().stream().filter(r -> r.getArticleId().toString().equals(id)
                && r.getTicker().toString().equals("META")).map(r -> r.getHorizonLabel().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, horizons);
    }

    @Test
    void theBondDealIsItsLatestSummary() throws Exception {
        BondBookSummary deal = outputs.bondBooks().get("META-2025-10-30");
        JsonNode answer = ok("/api/v1/bonds/META-2025-10-30");
        assertEquals(deal.getOversubscription(), answer.get("oversubscription").asDouble(), 1e-9);
        assertEquals(deal.getOrderBookSize(), answer.get("orderBookSize").asLong());
        assertEquals(deal.getStatus().name(), answer.get("status").asText());
    }

    @Test
    void theBondDealHasEachTrancheFromInitialPriceTalkToLaunch() throws Exception {
        BondBookSummary deal = outputs.bondBooks().get("META-2025-10-30");
        JsonNode tranches = ok("/api/v1/bonds/META-2025-10-30").get("tranches");
        assertEquals(6, tranches.size(), "5Y to 40Y: " + tranches);
        assertEquals(deal.getTranches().size(), tranches.size());
        for (int i = 0; i < tranches.size(); i++) {
            assertEquals(deal.getTranches().get(i).getTenor(), tranches.get(i).get("tenor").asText());
            assertEquals(deal.getTranches().get(i).getTighteningBps(), tranches.get(i).get("tighteningBps").asDouble(), 1e-9);
        }
        assertTrue(tranches.get(0).get("revisions").size() > 1, "guidance was revised: " + tranches.get(0));
    }

    @Test
    void theDecayedSentimentOfMetaIsServedAloneAndAmongAllTickers() throws Exception {
        JsonNode latest = ok("/api/v1/sentiment-decayed/META");
        assertEquals("META", latest.get("ticker").asText());
        double mean = latest.get("meanSentiment").asDouble();
        assertTrue(mean >= -1 && mean <= 1, "a mean sentiment: " + latest);
        JsonNode history = ok("/api/v1/sentiment-decayed/META?from=1970-01-01T00:00:00Z").get("points");
        assertEquals(latest, history.get(history.size() - 1), "the latest is the history's last");
        JsonNode meta = null;
        for (JsonNode ticker : ok("/api/v1/sentiment-decayed").get("tickers")) {
            if (ticker.get("ticker").asText().equals("META")) {
                meta = ticker;
            }
        }
        assertEquals(latest, meta, "every ticker's latest has META's");
    }

    @Test
    void theSignalQualityOfMetaAndOfAllTickersIsServed() throws Exception {
        JsonNode meta = ok("/api/v1/signal-quality/META").get("horizons");
        JsonNode all = ok("/api/v1/signal-quality").get("horizons");
        assertTrue(meta.size() > 0, "META has scored reactions");
        for (JsonNode horizon : meta) {
            JsonNode pooled = null;
            for (JsonNode candidate : all) {
                if (candidate.get("horizonLabel").asText().equals(horizon.get("horizonLabel").asText())) {
                    pooled = candidate;
                }
            }
            assertNotNull(pooled, "every horizon over all tickers too: " + all);
            assertTrue(pooled.get("articleCount").asLong() >= horizon.get("articleCount").asLong(),
                    "all tickers count at least META's articles: " + horizon + " / " + pooled);
        }
    }

    @Test
    void theCreditViewHasItsHistoryWithTheDivergence() throws Exception {
        JsonNode credit = ok("/api/v1/credit/META");
        assertEquals(outputs.creditEquity().get("META").getAsOf().toString(), credit.get("latest").get("asOf").asText());
        // the history keeps one view per time (and deal): the last one emitted for it
        Set<String> divergent = outputs.allCreditEquity().stream().filter(v -> v.getIssuerSymbol().toString().equals("META")
                && v.getDivergent()).map(v -> v.getAsOf().toString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> answered = new TreeSet<>();
        for (JsonNode view : credit.get("history")) {
            if (view.get("divergent").asBoolean()) {
                answered.add(view.get("asOf").asText());
            }
        }
        assertFalse(divergent.isEmpty());
        assertEquals(divergent, answered);
    }

    @Test
    void thePriceAfterTheDropIsAboutElevenPercentBelowTheHourBefore() throws Exception {
        JsonNode price = ok("/api/v1/prices/META?at=2025-10-29T20:40:00Z");
        assertTrue(!Instant.parse(price.get("time").asText()).isAfter(Instant.parse("2025-10-29T20:40:00Z")));
        double hour = price.get("returns").get("1h").asDouble();
        assertTrue(hour < -0.08 && hour > -0.14, price.toString());
        assertTrue(ok("/api/v1/prices/META/history?from=2025-10-29T20:00:00Z&to=2025-10-29T21:00:00Z")
                .get("points").size() > 10);
    }

    @Test
    void alertsComeNewestFirstAndFilterBySymbolAndTime() throws Exception {
        Set<String> meta = alertIds(outputs.alerts().stream().filter(a -> a.getSymbol().toString().equals("META")).toList());
        JsonNode alerts = ok("/api/v1/alerts?symbol=META").get("alerts");
        assertEquals(meta, ids(alerts));
        for (int i = 1; i < alerts.size(); i++) {
            assertTrue(alerts.get(i - 1).get("triggeredAt").asText().compareTo(alerts.get(i).get("triggeredAt").asText()) >= 0);
        }
        assertEquals(alertIds(outputs.alerts()), ids(ok("/api/v1/alerts").get("alerts")));
        String last = alerts.get(0).get("triggeredAt").asText();
        assertEquals(1, ok("/api/v1/alerts?symbol=META&since=" + last).get("alerts").size());
    }

    @Test
    void theAlertStreamPushedEachAlertOnceAsItWasMade() throws Exception {
        Set<String> expected = alertIds(outputs.alerts());
        await("every alert streamed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(streamed::size, greaterThanOrEqualTo(expected.size()));
        List<String> ids = new ArrayList<>();
        for (String data : streamed) {
            ids.add(JSON.readTree(data).get("alertId").asText());
        }
        assertEquals(expected, new TreeSet<>(ids));
        assertEquals(expected.size(), ids.size(), "each alert once: " + ids);
        alertStream.cancel(true);
    }

    @Test
    void unknownKeysAre404WithAJsonBody() throws Exception {
        for (String path : List.of("/api/v1/sentiment/NOPE", "/api/v1/bonds/NO-SUCH-DEAL", "/api/v1/credit/NOPE",
                "/api/v1/reactions/NOPE", "/api/v1/articles/no-such-article", "/api/v1/prices/NOPE")) {
            HttpResponse<String> response = api(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals(404, JSON.readTree(response.body()).get("status").asInt(), response.body());
            String key = path.substring(path.lastIndexOf('/') + 1);
            assertTrue(JSON.readTree(response.body()).get("error").asText().contains(key), "names " + key + ": " + response.body());
        }
    }

    @Test
    void theLivePageAndTheOpenApiFileAreServed() throws Exception {
        assertTrue(api("/").body().contains("uPlot.iife.min.js"));
        assertEquals(200, api("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").statusCode());
        assertEquals("3.0.3", JSON.readTree(api("/api/v1/openapi.json").body()).get("openapi").asText());
    }

    private static Set<String> alertIds(List<PriceMoveAlert> alerts) {
        return alerts.stream().map(a -> a.getAlertId().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(JsonNode alerts) {
        Set<String> ids = new TreeSet<>();
        alerts.forEach(a -> ids.add(a.get("alertId").asText()));
        return ids;
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = api(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> api(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
