package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.TrancheBook;
import io.newsflow.topology.signal.SignalObservation;
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

    private void observe(String ticker, String horizon, String id, long publishedAt, double sentiment, double car) {
        stores.put(StoreNames.SIGNAL_OBSERVATIONS, TimeIndex.key(ticker + "|" + horizon, publishedAt, id),
                new SignalObservation(id, publishedAt, sentiment, car));
    }

    @Test
    void overAllTickersTheWindowsArePooledPerHorizon() {
        // two tickers, 5m: hits META +0.6/+2%, NVDA -0.5/-3%; miss META +0.3/-1%; neutral NVDA 0.01/+1%
        observe("META", "5m", "a", 1 * H, 0.6, 0.02);
        observe("META", "5m", "b", 2 * H, 0.3, -0.01);
        observe("NVDA", "5m", "c", 3 * H, -0.5, -0.03);
        observe("NVDA", "5m", "e", 5 * H, 0.01, 0.01);
        observe("META", "1h", "a", 1 * H, 0.6, -0.02);

        JsonNode answer = api.signalQualityOverall();

        assertEquals("*", answer.get("ticker").asText());
        JsonNode fiveMinutes = answer.get("horizons").get(0);
        assertEquals("5m", fiveMinutes.get("horizonLabel").asText());
        assertEquals(4, fiveMinutes.get("articleCount").asLong());
        assertEquals(2.0 / 3, fiveMinutes.get("hitRate").asDouble(), 1e-12);
        assertEquals(0.005, fiveMinutes.get("meanCarPositive").asDouble(), 1e-12);
        assertEquals(Instant.ofEpochMilli(5 * H).toString(), fiveMinutes.get("asOf").asText());
        // sentiment ranks c1 e2 b3 a4, CAR ranks c1 b2 e3 a4: sum d^2 = 2, rho = 1 - 12 / 60 = 0.8
        assertEquals(0.8, fiveMinutes.get("informationCoefficient").asDouble(), 1e-12);
        JsonNode hour = answer.get("horizons").get(1);
        assertEquals(1, hour.get("articleCount").asLong());
        assertEquals(0.0, hour.get("hitRate").asDouble());
        assertTrue(hour.get("informationCoefficient").isNull());
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
