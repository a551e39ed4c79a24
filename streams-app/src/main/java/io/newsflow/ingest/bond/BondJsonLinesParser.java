package io.newsflow.ingest.bond;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondTranche;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines bond-book updates, one object per line with the BondBookUpdate field names; amounts
 * as numbers or strings like "30B"; eventTime ISO-8601 or epoch millis; optional {@code tranches}:
 * [{tenor, size, spreadGuidanceBps, couponPct}]. Bad lines are reported as {@code file:line}.
 */
public final class BondJsonLinesParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Parsed<BondBookUpdate> parse(String text, String fileName) {
        List<BondBookUpdate> updates = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            try {
                updates.add(parseLine(lines[n]));
            } catch (BadInputException e) {
                problems.add(new Problem(fileName + ":" + (n + 1), e.getMessage()));
            }
        }
        return Parsed.of(updates, problems);
    }

    BondBookUpdate parseLine(String line) throws BadInputException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException("invalid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new BadInputException("not a JSON object");
        }
        List<BondTranche> tranches = new ArrayList<>();
        for (JsonNode t : node.path("tranches")) {
            String tenor = text(t, "tenor");
            if (tenor == null) {
                throw new BadInputException("tranche without tenor");
            }
            tranches.add(BondTranche.newBuilder()
                    .setTenor(tenor)
                    .setSize(t.hasNonNull("size") ? Amounts.parse(t.get("size").asText(), "tranche size") : null)
                    .setSpreadGuidanceBps(number(t, "spreadGuidanceBps"))
                    .setCouponPct(number(t, "couponPct"))
                    .build());
        }
        String currency = text(node, "currency");
        return BondUpdateValidator.check(BondBookUpdate.newBuilder()
                .setDealId(required(node, "dealId"))
                .setIssuerName(required(node, "issuerName"))
                .setIssuerSymbol(text(node, "issuerSymbol"))
                .setTrancheTenor(text(node, "trancheTenor"))
                .setTranches(tranches)
                .setCurrency(currency == null ? "USD" : currency)
                .setTargetSize(Amounts.parse(required(node, "targetSize"), "targetSize"))
                .setOrderBookSize(Amounts.parse(required(node, "orderBookSize"), "orderBookSize"))
                .setSpreadGuidanceBps(number(node, "spreadGuidanceBps"))
                .setCouponPct(number(node, "couponPct"))
                .setStatus(BondCsvParser.status(required(node, "status")))
                .setEventTime(time(required(node, "eventTime")))
                .build());
    }

    private static Instant time(String text) throws BadInputException {
        try {
            return Times.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("bad eventTime: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String required(JsonNode node, String field) throws BadInputException {
        String v = text(node, field);
        if (v == null) {
            throw new BadInputException("missing '" + field + "'");
        }
        return v;
    }

    private static Double number(JsonNode node, String field) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw new BadInputException("bad " + field + ": '" + v.asText() + "'");
        }
    }
}
