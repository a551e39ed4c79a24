package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.avro.SpreadRevision;
import io.newsflow.avro.TrancheSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each tranche of a deal on the bonds topic, from initial price talk to launch. */
class TrancheTopologyTest {

    private static final long B = 1_000_000_000L;

    private static BondTranche tranche(String tenor, double spread, Long size, Long book) {
        return BondTranche.newBuilder().setTenor(tenor).setSpreadGuidanceBps(spread).setSize(size).setOrderBookSize(book)
                .build();
    }

    @Test
    void theTenYearFromPlus140ToLaunchAtPlus110WithItsShareOfTheBook() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("D", bond("D", 30 * B, 0, BondStatus.ANNOUNCED, at("12:00"))
                    .setTranches(List.of(tranche("10Y", 140, null, null), tranche("5Y", 105, null, null))).build());
            f.bonds.pipeInput("D", bond("D", 30 * B, 90 * B, BondStatus.BOOKBUILDING, at("15:00"))
                    .setTranches(List.of(tranche("10Y", 125, null, null), tranche("5Y", 95, null, null))).build());
            f.bonds.pipeInput("D", bond("D", 30 * B, 125 * B, BondStatus.PRICED, at("20:00"))
                    .setTranches(List.of(tranche("10Y", 110, 6_500_000_000L, 45 * B), tranche("5Y", 80, 4 * B, null)))
                    .build());

            List<BondBookSummary> summaries = f.bondBooks.readValuesToList();
            assertEquals(3, summaries.size());
            List<TrancheSummary> tranches = summaries.get(2).getTranches();
            assertEquals(List.of("5Y", "10Y"), tranches.stream().map(TrancheSummary::getTenor).toList());
            TrancheSummary tenYear = tranches.get(1);
            assertEquals(140.0, tenYear.getInitialSpreadBps());
            assertEquals(List.of(new SpreadRevision(at("12:00"), 140.0), new SpreadRevision(at("15:00"), 125.0),
                    new SpreadRevision(at("20:00"), 110.0)), tenYear.getRevisions());
            assertEquals(110.0, tenYear.getLaunchSpreadBps());
            assertEquals(30.0, tenYear.getTighteningBps());
            assertEquals(6_500_000_000L, tenYear.getSize());
            assertEquals(45 * B, tenYear.getOrderBookSize());
            assertEquals(0.36, tenYear.getShareOfBook(), 1e-12);
            assertNull(tranches.get(0).getShareOfBook());

            TrancheSummary beforeLaunch = summaries.get(1).getTranches().get(1);
            assertNull(beforeLaunch.getLaunchSpreadBps());
            assertEquals(15.0, beforeLaunch.getTighteningBps());
        }
    }

    @Test
    void aDealWithoutTranchesHasNone() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("D", bond("D", 30 * B, 0, BondStatus.ANNOUNCED, at("12:00")).build());
            assertEquals(List.of(), f.bondBooks.readValue().getTranches());
        }
    }
}
