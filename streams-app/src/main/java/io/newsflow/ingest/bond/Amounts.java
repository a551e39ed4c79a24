package io.newsflow.ingest.bond;

import io.newsflow.ingest.BadInputException;
import java.math.BigDecimal;

/** Whole currency amounts: plain integers, or with a K/M/B suffix ({@code 30B} = 30000000000). */
final class Amounts {

    private Amounts() {
    }

    static long parse(String text, String name) throws BadInputException {
        String s = text.strip().replace("_", "");
        if (s.isEmpty()) {
            throw new BadInputException("missing " + name);
        }
        long multiplier = 1;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        if (last == 'K' || last == 'M' || last == 'B') {
            multiplier = last == 'K' ? 1_000L : last == 'M' ? 1_000_000L : 1_000_000_000L;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return new BigDecimal(s).multiply(BigDecimal.valueOf(multiplier)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException("bad " + name + ": '" + text.strip() + "' (whole currency units, or 30B/250M)");
        }
    }
}
