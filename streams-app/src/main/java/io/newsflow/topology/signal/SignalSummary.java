package io.newsflow.topology.signal;

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
}
