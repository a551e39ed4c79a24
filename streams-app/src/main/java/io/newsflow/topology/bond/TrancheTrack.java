package io.newsflow.topology.bond;

import java.util.ArrayList;
import java.util.List;

/**
 * What has been reported of one tranche of a deal, by event time (updates may arrive out of order).
 *
 * @param tenor  maturity label, e.g. 10Y
 * @param quotes the tranche's spread guidance at each update that carried one, oldest first (one per event time)
 * @param size   the newest reported size, with its time
 * @param book   the newest reported tranche order book and the deal's book at that update
 * @param coupon the newest reported coupon
 */
public record TrancheTrack(String tenor, List<Quote> quotes, Timed<Long> size, BookShare book, Timed<Double> coupon) {

    /** Spread guidance at one update, and whether the deal was priced then (its launch spread). */
    public record Quote(long time, double spreadBps, boolean priced) {
    }

    /** A value as of an event time. */
    public record Timed<T>(long time, T value) {
    }

    /** A tranche's orders and the deal's whole book at the same update. */
    public record BookShare(long time, long trancheBook, long dealBook) {
    }

    public TrancheTrack {
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    static TrancheTrack empty(String tenor) {
        return new TrancheTrack(tenor, List.of(), null, null, null);
    }

    /** Initial price talk: the first guidance by event time. */
    public Double initialSpreadBps() {
        return quotes.isEmpty() ? null : quotes.get(0).spreadBps();
    }

    public Double currentSpreadBps() {
        return quotes.isEmpty() ? null : quotes.get(quotes.size() - 1).spreadBps();
    }

    /** The spread the tranche was launched (priced) at: the newest guidance of a priced update; null before. */
    public Double launchSpreadBps() {
        for (int i = quotes.size() - 1; i >= 0; i--) {
            if (quotes.get(i).priced()) {
                return quotes.get(i).spreadBps();
            }
        }
        return null;
    }

    /** IPT minus launch (minus the current guidance before launch); positive is tighter. */
    public Double tighteningBps() {
        Double launch = launchSpreadBps();
        Double to = launch != null ? launch : currentSpreadBps();
        return quotes.isEmpty() ? null : initialSpreadBps() - to;
    }

    /** Every change of guidance in event time, the IPT first: repeats of the same level are not revisions. */
    public List<Quote> revisions() {
        List<Quote> out = new ArrayList<>();
        for (Quote q : quotes) {
            if (out.isEmpty() || out.get(out.size() - 1).spreadBps() != q.spreadBps()) {
                out.add(q);
            }
        }
        return out;
    }

    /** The tranche's share of the deal's book at the newest update that reported its orders; null when never reported. */
    public Double shareOfBook() {
        return book == null || book.dealBook() <= 0 ? null : (double) book.trancheBook() / book.dealBook();
    }

    TrancheTrack with(long time, Double spread, boolean priced, Long newSize, Long trancheBook, long dealBook,
            Double newCoupon) {
        List<Quote> q = new ArrayList<>(quotes);
        if (spread != null) {
            q.removeIf(existing -> existing.time() == time);
            int at = 0;
            while (at < q.size() && q.get(at).time() < time) {
                at++;
            }
            q.add(at, new Quote(time, spread, priced));
        }
        return new TrancheTrack(tenor, q, newer(size, time, newSize), newerBook(time, trancheBook, dealBook),
                newer(coupon, time, newCoupon));
    }

    private BookShare newerBook(long time, Long trancheBook, long dealBook) {
        if (trancheBook == null || (book != null && book.time() > time)) {
            return book;
        }
        return new BookShare(time, trancheBook, dealBook);
    }

    private static <T> Timed<T> newer(Timed<T> current, long time, T value) {
        if (value == null || (current != null && current.time() > time)) {
            return current;
        }
        return new Timed<>(time, value);
    }
}
