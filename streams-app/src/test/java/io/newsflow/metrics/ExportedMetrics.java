package io.newsflow.metrics;

import io.newsflow.topology.market.study.EventStudyResult;
import io.newsflow.topology.market.study.ReturnModel;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL query can select from the app, read either from a live scrape or from
 * the catalogue in {@code docs/metrics.md}. Names are series names as Prometheus stores them:
 * a histogram {@code x} shows up as {@code x_bucket}, {@code x_sum}, {@code x_count}; a counter keeps
 * its {@code _total}.
 */
public final class ExportedMetrics {

    private static final Pattern CATALOGUE_ROW =
            Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:*]*)`\\s*\\|\\s*([a-zA-Z]+)\\s*\\|");

    private ExportedMetrics() {
    }

    /**
     * Series names in Prometheus text (0.0.4) or OpenMetrics exposition: the name of every sample
     * line. Comment lines ({@code # TYPE}, {@code # HELP}, {@code # EOF}) are skipped, so a family
     * announced without samples does not count: Prometheus would not store it either.
     */
    public static Set<String> fromScrape(String prometheusText) {
        Set<String> names = new TreeSet<>();
        for (String line : prometheusText.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && !Character.isWhitespace(sample.charAt(end))) {
                end++;
            }
            String name = sample.substring(0, end);
            if (name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Names promised by the markdown catalogue table ({@code | `name` | type | ...}). Histograms are
     * expanded to their series; wildcard rows ({@code kafka_stream_*}) are left to a scrape.
     */
    public static Set<String> fromCatalogue(String markdown) {
        Set<String> names = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            Matcher row = CATALOGUE_ROW.matcher(line.strip());
            if (!row.find() || row.group(1).contains("*")) {
                continue;
            }
            String name = row.group(1);
            if (row.group(2).toLowerCase(Locale.ROOT).equals("histogram")) {
                names.add(name + "_bucket");
                names.add(name + "_sum");
                names.add(name + "_count");
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** One value for each of PipelineMetrics' domain meters (META tracked), so a scrape shows them all. */
    public static void exerciseDomainMetrics(PipelineMetrics metrics) {
        metrics.sentimentRolling("META", "1h", -0.4, 2.0, 3);
        metrics.articleScored("META", "ja");
        metrics.articleDuplicate("en");
        metrics.lastPrice("META", 666.0);
        metrics.priceReturn("META", "5m", -0.04);
        metrics.marketReaction("META", "1d", -0.11, -0.1);
        metrics.eventStudy("META", "1d", new EventStudyResult(ReturnModel.MARKET_MODEL, 0.0, 1.2, 60, 78, -0.01,
                -0.1, -0.1, -3.2, 0.002, true));
        metrics.signalQuality("META", "1d", 12, 0.6, 0.2, 0.01, -0.02);
        metrics.sentimentDecayed("META", -0.3);
        metrics.bondBook("META-1", "META", "USD", 125_000_000_000L, 30_000_000_000L, 4.17, 103.0, 32.0);
        metrics.creditEquityDivergence("META", true);
        metrics.alert("META", "5m", "DOWN");
        metrics.deadLetter("INVALID_PRICE");
        metrics.recordProcessed("ticks");
        metrics.endToEndLag("ticks", 1_000, 3_500);
    }
}
