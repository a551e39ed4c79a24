package io.newsflow.ingest.article;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-style market prefixes at the start of a headline, such as {@code 【NY市場】} or
 * {@code US STOCKS-}. The title is kept as published; the prefix is only added as a tag.
 */
public final class MarketPrefix {

    private static final Pattern BRACKETED = Pattern.compile("^\\s*【([^】]{1,20})】");
    private static final Pattern WIRE = Pattern.compile("^\\s*([A-Z][A-Z0-9&/.]*(?: [A-Z0-9&/.]+){0,3})-(?=\\S)");

    private MarketPrefix() {
    }

    public static Optional<String> of(String title) {
        Matcher m = BRACKETED.matcher(title);
        if (m.find()) {
            return Optional.of(m.group(1).strip());
        }
        m = WIRE.matcher(title);
        if (m.find() && m.group(1).length() >= 2) {
            return Optional.of(m.group(1));
        }
        return Optional.empty();
    }
}
