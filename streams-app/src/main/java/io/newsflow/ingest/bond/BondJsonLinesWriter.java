package io.newsflow.ingest.bond;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondTranche;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes updates in the JSON Lines form {@link BondJsonLinesParser} reads, e.g. to turn a simulation into a replay file. */
public final class BondJsonLinesWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String write(List<BondBookUpdate> updates) {
        StringBuilder sb = new StringBuilder();
        for (BondBookUpdate u : updates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dealId", u.getDealId());
            m.put("issuerName", u.getIssuerName());
            m.put("issuerSymbol", u.getIssuerSymbol());
            m.put("trancheTenor", u.getTrancheTenor());
            m.put("currency", u.getCurrency());
            m.put("targetSize", u.getTargetSize());
            m.put("orderBookSize", u.getOrderBookSize());
            m.put("spreadGuidanceBps", u.getSpreadGuidanceBps());
            m.put("couponPct", u.getCouponPct());
            m.put("status", u.getStatus().name());
            m.put("eventTime", u.getEventTime().toString());
            List<Map<String, Object>> tranches = new ArrayList<>();
            for (BondTranche t : u.getTranches()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("tenor", t.getTenor());
                tm.put("size", t.getSize());
                tm.put("spreadGuidanceBps", t.getSpreadGuidanceBps());
                tm.put("couponPct", t.getCouponPct());
                tranches.add(tm);
            }
            m.put("tranches", tranches);
            try {
                sb.append(JSON.writeValueAsString(m)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write plain map as JSON", e);
            }
        }
        return sb.toString();
    }
}
