package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.avro.SignalQuality;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.TrancheBook;
import io.newsflow.topology.state.TimeIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers of the issue-23 endpoints, over stores held in memory. */
class SignalQualityAndTranchesApiTest {

    private static final long H = 3_600_000L;

    private final MemoryStores stores = new MemoryStores();
    private final QueryApi api = new QueryApi(stores,
            TopologySettings.fromMap(Map.of("reaction.horizons", "5m,1h")));

    private void record(String horizon, String lastArticle, long asOf, long count, Double hitRate) {
        SignalQuality quality = SignalQuality.newBuilder().setTicker("*").setHorizonLabel(horizon).setHorizonMs(300_000)
                .setAsOf(Instant.ofEpochMilli(asOf)).setLastArticleId(lastArticle).setArticleCount(count)
                .setPositiveCount(count).setNegativeCount(0).setHitRate(hitRate).build();
        stores.put(StoreNames.SIGNAL_QUALITY_VIEW, TimeIndex.key("*|" + horizon, asOf, lastArticle), quality);
    }

    @Test
    void overAllTickersTheLatestAllTickersRecordOfEachHorizonIsServed() {
        record("5m", "a", 1 * H, 1, 1.0);
        record("5m", "c", 3 * H, 3, 2.0 / 3);
        record("5m", "b", 2 * H, 2, 0.5);

        JsonNode answer = api.signalQualityOverall();

        assertEquals("*", answer.get("ticker").asText());
        JsonNode fiveMinutes = answer.get("horizons").get(0);
        assertEquals("5m", fiveMinutes.get("horizonLabel").asText());
        assertEquals("c", fiveMinutes.get("lastArticleId").asText(), "the latest by its article's publication");
        assertEquals(3, fiveMinutes.get("articleCount").asLong());
        assertEquals(2.0 / 3, fiveMinutes.get("hitRate").asDouble(), 1e-12);
        JsonNode hour = answer.get("horizons").get(1);
        assertEquals("1h", hour.get("horizonLabel").asText());
        assertEquals(0, hour.get("articleCount").asLong(), "no record of that horizon yet");
    }

    @Test
    void aTickerWithoutSignalQualityIs404() {
        assertEquals(404, assertThrows(ApiException.class, () -> api.signalQuality("NOPE")).status());
    }

    @Test
    void aDealCarriesItsTranches() {
        BondBookUpdate update = BondBookUpdate.newBuilder().setDealId("D").setIssuerName("Issuer")
                .setTargetSize(10_000_000_000L).setOrderBookSize(40_000_000_000L).setStatus(BondStatus.BOOKBUILDING)
                .setTranches(List.of(BondTranche.newBuilder().setTenor("10Y").setSpreadGuidanceBps(140.0)
                        .setOrderBookSize(10_000_000_000L).build()))
                .setEventTime(Instant.parse("2025-10-30T12:00:00Z")).build();
        stores.put(StoreNames.BOND_DEALS, "D", io.newsflow.topology.bond.DealState.first(update));
        stores.put(StoreNames.BOND_TRANCHES, "D", TrancheBook.empty().apply(update));

        JsonNode deal = api.bond("D");

        assertEquals(4.0, deal.get("oversubscription").asDouble());
        JsonNode tenYear = deal.get("tranches").get(0);
        assertEquals("10Y", tenYear.get("tenor").asText());
        assertEquals(140.0, tenYear.get("initialSpreadBps").asDouble());
        assertEquals(0.25, tenYear.get("shareOfBook").asDouble(), 1e-12);
    }
}
