package io.newsflow.ingest;

import java.util.Locale;

/**
 * How fast a replay publishes: {@code asap} ignores event-time gaps, {@code realtime} waits the
 * gap between consecutive events, {@code xN} waits the gap divided by N.
 */
public record Pace(double speedUp) {

    public static final Pace ASAP = new Pace(Double.POSITIVE_INFINITY);
    public static final Pace REALTIME = new Pace(1.0);

    public Pace {
        if (!(speedUp > 0)) {
            throw new IllegalArgumentException("speed-up must be > 0, was " + speedUp);
        }
    }

    public boolean isAsap() {
        return Double.isInfinite(speedUp);
    }

    public static Pace parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "asap":
                return ASAP;
            case "realtime":
            case "x1":
                return REALTIME;
            default:
                if (s.startsWith("x")) {
                    try {
                        return new Pace(Double.parseDouble(s.substring(1)));
                    } catch (IllegalArgumentException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("pace must be asap, realtime or xN (e.g. x60), was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return isAsap() ? "asap" : speedUp == 1.0 ? "realtime" : "x" + speedUp;
    }
}
