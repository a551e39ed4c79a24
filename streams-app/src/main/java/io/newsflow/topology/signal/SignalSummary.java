package io.newsflow.topology.signal;

import io.newsflow.avro.SignalQuality;
import java.time.Instant;

/**
 * How good the news signal has been over a window of articles, for one horizon.
 *
 * @param count                  scored articles in the window
 * @param positive               of which positive (sentiment above the neutral band)
 * @param negative               of which negative (below minus the band)
 * @param meanCarPositive        mean CAR after positive articles; null when there are none
 * @param meanCarNegative        mean CAR after negative articles; null when there are none
 * @param hitRate                share of the polar articles whose CAR has the sentiment's sign; null when none
 * @param informationCoefficient Spearman rank correlation of sentiment and CAR over all the articles;
 *                               null with fewer than 3 or when either side is constant
 */
public record SignalSummary(long count, long positive, long negative, Double meanCarPositive, Double meanCarNegative,
        Double hitRate, Double informationCoefficient) {

    /** The summary as the {@code analytics.signal-quality} record of {@code ticker} at one horizon, as of an article. */
    public SignalQuality toRecord(String ticker, String horizonLabel, long horizonMs, long asOf, String lastArticleId) {
        return SignalQuality.newBuilder()
                .setTicker(ticker)
                .setHorizonLabel(horizonLabel)
                .setHorizonMs(horizonMs)
                .setAsOf(Instant.ofEpochMilli(asOf))
                .setLastArticleId(lastArticleId)
                .setArticleCount(count)
                .setPositiveCount(positive)
                .setNegativeCount(negative)
                .setMeanCarPositive(meanCarPositive)
                .setMeanCarNegative(meanCarNegative)
                .setHitRate(hitRate)
                .setInformationCoefficient(informationCoefficient)
                .build();
    }
}
