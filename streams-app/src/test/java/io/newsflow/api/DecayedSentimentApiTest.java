package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.DecayedSentiment;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.view.QueryViews;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/sentiment-decayed}: the decayed sentiment from its query view, latest, as history, and for every ticker. */
class DecayedSentimentApiTest {

    private final MemoryStores stores = new MemoryStores();
    private final QueryApi api = new QueryApi(stores, TopologySettings.fromMap(Map.of()));

    /** A record as analytics.sentiment-decayed carries it: a score of -0.8 at 12:00 halves every 6h. */
    private void decayed(String ticker, String asOf, double score, double weight) {
        DecayedSentiment record = DecayedSentiment.newBuilder().setTicker(ticker).setAsOf(Instant.parse(asOf))
                .setScore(score).setWeight(weight).setMeanSentiment(weight == 0 ? 0 : score / weight)
                .setHalfLifeMs(6 * 3_600_000L).setLastArticleAt(Instant.parse("2025-10-30T12:00:00Z")).build();
        stores.put(QueryViews.DECAYED_SENTIMENT.store(), QueryViews.DECAYED_SENTIMENT.keyOf(record), record);
    }

    private void metaFading() {
        decayed("META", "2025-10-30T12:00:00Z", -0.8, 1.0);
        decayed("META", "2025-10-30T18:00:00Z", -0.4, 0.5); // one half-life later
        decayed("META", "2025-10-31T00:00:00Z", -0.2, 0.25);
        decayed("NVDA", "2025-10-30T15:00:00Z", 0.3, 0.6);
    }

    @Test
    void theLatestRecordOfATicker() {
        metaFading();

        JsonNode latest = api.decayedSentiment("META");

        assertEquals("2025-10-31T00:00:00Z", latest.get("asOf").asText());
        assertEquals(-0.2, latest.get("score").asDouble(), 1e-12);
        assertEquals(-0.8, latest.get("meanSentiment").asDouble(), 1e-12);
    }

    @Test
    void theHistoryBetweenFromAndToOldestFirst() {
        metaFading();

        JsonNode history = api.decayedSentimentHistory("META", Instant.parse("2025-10-30T12:00:00Z"),
                Instant.parse("2025-10-30T18:00:00Z"));

        JsonNode points = history.get("points");
        assertEquals(2, points.size());
        assertEquals(-0.8, points.get(0).get("score").asDouble(), 1e-12);
        assertEquals(-0.4, points.get(1).get("score").asDouble(), 1e-12);
        assertEquals(0, api.decayedSentimentHistory("META", Instant.parse("2025-10-29T00:00:00Z"),
                Instant.parse("2025-10-29T01:00:00Z")).get("points").size(), "a known ticker: an empty history");
    }

    @Test
    void everyTickersLatestRecordByTicker() {
        metaFading();

        JsonNode tickers = api.decayedSentimentAll().get("tickers");

        assertEquals(2, tickers.size());
        assertEquals("META", tickers.get(0).get("ticker").asText());
        assertEquals(-0.2, tickers.get(0).get("score").asDouble(), 1e-12);
        assertEquals("NVDA", tickers.get(1).get("ticker").asText());
        assertEquals(0.3, tickers.get(1).get("score").asDouble(), 1e-12);
    }

    @Test
    void aTickerWithoutDecayedSentimentIs404() {
        assertEquals(404, assertThrows(ApiException.class, () -> api.decayedSentiment("NOPE")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> api.decayedSentimentHistory("NOPE", Instant.EPOCH,
                Instant.parse("2030-01-01T00:00:00Z"))).status());
    }
}
