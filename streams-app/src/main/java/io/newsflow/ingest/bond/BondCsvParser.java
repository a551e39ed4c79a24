package io.newsflow.ingest.bond;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.Times;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV bond-book updates. Columns are named by a header line (any order) or, without one, taken in
 * the default order {@code dealId,issuerName,issuerSymbol,trancheTenor,currency,targetSize,
 * orderBookSize,spreadGuidanceBps,couponPct,status,eventTime}. Empty optional cells are null; empty
 * currency is USD. Amounts may be written 30B / 250M. Tranches are JSON Lines only. Bad rows are
 * reported as {@code file:line} and skipped. No quoting: names must not contain commas.
 */
public final class BondCsvParser {

    public static final List<String> COLUMNS = List.of("dealId", "issuerName", "issuerSymbol", "trancheTenor",
            "currency", "targetSize", "orderBookSize", "spreadGuidanceBps", "couponPct", "status", "eventTime");

    public Parsed<BondBookUpdate> parse(String text, String fileName) {
        List<BondBookUpdate> updates = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        List<String> columns = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns == null) {
                if (cells[0].strip().equalsIgnoreCase("dealId")) {
                    columns = new ArrayList<>();
                    for (String c : cells) {
                        columns.add(c.strip());
                    }
                    List<String> unknown = columns.stream()
                            .filter(c -> COLUMNS.stream().noneMatch(k -> k.equalsIgnoreCase(c))).toList();
                    if (!unknown.isEmpty()) {
                        problems.add(new Problem(fileName + ":" + (n + 1), "unknown columns ignored: " + unknown));
                    }
                    continue;
                }
                columns = COLUMNS;
            }
            try {
                updates.add(parseRow(columns, cells));
            } catch (BadInputException e) {
                problems.add(new Problem(fileName + ":" + (n + 1), e.getMessage()));
            }
        }
        return Parsed.of(updates, problems);
    }

    private static BondBookUpdate parseRow(List<String> columns, String[] cells) throws BadInputException {
        if (cells.length != columns.size()) {
            throw new BadInputException("expected " + columns.size() + " fields, got " + cells.length);
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put(columns.get(i).toLowerCase(Locale.ROOT), cells[i].strip());
        }
        try {
            return BondUpdateValidator.check(BondBookUpdate.newBuilder()
                    .setDealId(get(row, "dealId"))
                    .setIssuerName(get(row, "issuerName"))
                    .setIssuerSymbol(optional(row, "issuerSymbol"))
                    .setTrancheTenor(optional(row, "trancheTenor"))
                    .setCurrency(optional(row, "currency") == null ? "USD" : optional(row, "currency"))
                    .setTargetSize(Amounts.parse(get(row, "targetSize"), "targetSize"))
                    .setOrderBookSize(Amounts.parse(get(row, "orderBookSize"), "orderBookSize"))
                    .setSpreadGuidanceBps(optionalDouble(row, "spreadGuidanceBps"))
                    .setCouponPct(optionalDouble(row, "couponPct"))
                    .setStatus(status(get(row, "status")))
                    .setEventTime(Times.parse(get(row, "eventTime")))
                    .build());
        } catch (DateTimeParseException e) {
            throw new BadInputException("bad eventTime: " + e.getMessage());
        }
    }

    static BondStatus status(String text) throws BadInputException {
        try {
            return BondStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown status '" + text + "' (ANNOUNCED, BOOKBUILDING, PRICED, CANCELLED)");
        }
    }

    private static String get(Map<String, String> row, String key) {
        String v = row.get(key.toLowerCase(Locale.ROOT));
        return v == null ? "" : v;
    }

    private static String optional(Map<String, String> row, String key) {
        String v = get(row, key);
        return v.isEmpty() ? null : v;
    }

    private static Double optionalDouble(Map<String, String> row, String key) throws BadInputException {
        String v = optional(row, key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("bad " + key + ": '" + v + "'");
        }
    }
}
