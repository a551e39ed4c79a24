package io.newsflow.text;

import java.util.Locale;

/** The three sentence tones a sentiment model tells apart, in the order models store their columns. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** The label's name as written in files: negative, neutral, positive. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses negative|neutral|positive (any case); anything else fails with the value. */
    public static SentimentLabel parse(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("label must be negative, neutral or positive, got '" + code + "'");
        }
    }

    public boolean polar() {
        return this != NEUTRAL;
    }
}
