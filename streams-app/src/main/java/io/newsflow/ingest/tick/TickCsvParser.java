package io.newsflow.ingest.tick;

import io.newsflow.avro.PriceTick;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV price ticks: {@code symbol,timestamp,price,size[,bid,ask]}, header line optional (recognised
 * by a first field {@code symbol}), {@code #} comment lines and blank lines ignored. Timestamps are
 * ISO-8601 or epoch millis. A row that cannot be read is reported as {@code file:line} and skipped.
 * With validation on (the default), rows with a non-finite or non-positive price, a negative size
 * or a non-positive bid/ask are reported and skipped too; with it off they are passed on as the file
 * says, so the topology's dead-letter handling can be exercised.
 */
public final class TickCsvParser {

    private final boolean validate;
    private final String currency;

    public TickCsvParser(boolean validate, String currency) {
        this.validate = validate;
        this.currency = currency;
    }

    public TickCsvParser() {
        this(true, "USD");
    }

    public Parsed<PriceTick> parse(String text, String fileName) {
        List<PriceTick> ticks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        boolean first = true;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (first) {
                first = false;
                if (line.toLowerCase(Locale.ROOT).startsWith("symbol,")) {
                    continue;
                }
            }
            try {
                ticks.add(parseRow(line));
            } catch (BadInputException e) {
                problems.add(new Problem(fileName + ":" + (n + 1), e.getMessage()));
            }
        }
        return Parsed.of(ticks, problems);
    }

    PriceTick parseRow(String line) throws BadInputException {
        String[] f = line.split(",", -1);
        if (f.length != 4 && f.length != 6) {
            throw new BadInputException("expected 4 or 6 fields (symbol,timestamp,price,size[,bid,ask]), got " + f.length);
        }
        String symbol = f[0].strip();
        if (symbol.isEmpty()) {
            throw new BadInputException("empty symbol");
        }
        Instant time;
        try {
            time = Times.parse(f[1]);
        } catch (DateTimeParseException e) {
            throw new BadInputException("bad timestamp: " + e.getMessage());
        }
        double price = number(f[2], "price");
        long size;
        try {
            size = Long.parseLong(f[3].strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("bad size: '" + f[3].strip() + "'");
        }
        Double bid = f.length == 6 ? optionalNumber(f[4], "bid") : null;
        Double ask = f.length == 6 ? optionalNumber(f[5], "ask") : null;
        if (validate) {
            if (!Double.isFinite(price) || price <= 0) {
                throw new BadInputException("invalid price " + f[2].strip() + " (must be finite and > 0)");
            }
            if (size < 0) {
                throw new BadInputException("invalid size " + size + " (must be >= 0)");
            }
            if ((bid != null && !(bid > 0 && Double.isFinite(bid))) || (ask != null && !(ask > 0 && Double.isFinite(ask)))) {
                throw new BadInputException("invalid bid/ask (must be finite and > 0)");
            }
        }
        return PriceTick.newBuilder()
                .setSymbol(symbol)
                .setPrice(price)
                .setSize(size)
                .setCurrency(currency)
                .setEventTime(time)
                .setBid(bid)
                .setAsk(ask)
                .build();
    }

    private static double number(String field, String name) throws BadInputException {
        try {
            return Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("bad " + name + ": '" + field.strip() + "'");
        }
    }

    private static Double optionalNumber(String field, String name) throws BadInputException {
        return field.isBlank() ? null : number(field, name);
    }
}
