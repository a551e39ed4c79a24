package io.newsflow.topology.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The quality of the news signal over a window: per horizon, the mean CAR after positive and after
 * negative articles, the hit rate and the information coefficient (the rank correlation of
 * sentiment and CAR, as news-analytics vendors and factor research report it; Spearman's, from
 * commons-math3, with tied ranks averaged).
 *
 * <p>The window holds the newest {@code maxArticles} articles published in the {@code windowMs}
 * before (and at) the newest one's publication, so that it is a function of the observations, not
 * of when they were added.
 */
public final class SignalStatistics {

    /** Articles in the window, newest last: by publication, then id. */
    public static final Comparator<SignalObservation> ORDER =
            Comparator.comparingLong(SignalObservation::publishedAt).thenComparing(SignalObservation::articleId);

    private final double neutralBand;
    private final long windowMs;
    private final int maxArticles;

    public SignalStatistics(double neutralBand, long windowMs, int maxArticles) {
        this.neutralBand = neutralBand;
        this.windowMs = windowMs;
        this.maxArticles = maxArticles;
    }

    /** The window as of {@code newest}: the observations up to it in {@link #ORDER}, within the time and count bounds. */
    public List<SignalObservation> window(Collection<SignalObservation> observations, SignalObservation newest) {
        List<SignalObservation> in = new ArrayList<>();
        for (SignalObservation o : observations) {
            if (ORDER.compare(o, newest) <= 0 && o.publishedAt() > newest.publishedAt() - windowMs) {
                in.add(o);
            }
        }
        in.sort(ORDER);
        return in.size() > maxArticles ? List.copyOf(in.subList(in.size() - maxArticles, in.size())) : in;
    }

    /** Whether an observation can leave the window of every later one (older than the time bound). */
    public boolean expired(SignalObservation o, long newestPublishedAt) {
        return o.publishedAt() <= newestPublishedAt - windowMs;
    }

    public SignalSummary summarize(List<SignalObservation> window) {
        long positive = 0;
        long negative = 0;
        double sumPositive = 0;
        double sumNegative = 0;
        long hits = 0;
        double[] sentiments = new double[window.size()];
        double[] cars = new double[window.size()];
        for (int i = 0; i < window.size(); i++) {
            SignalObservation o = window.get(i);
            sentiments[i] = o.sentiment();
            cars[i] = o.car();
            if (o.sentiment() > neutralBand) {
                positive++;
                sumPositive += o.car();
                hits += o.car() > 0 ? 1 : 0;
            } else if (o.sentiment() < -neutralBand) {
                negative++;
                sumNegative += o.car();
                hits += o.car() < 0 ? 1 : 0;
            }
        }
        long polar = positive + negative;
        return new SignalSummary(window.size(), positive, negative,
                positive == 0 ? null : sumPositive / positive,
                negative == 0 ? null : sumNegative / negative,
                polar == 0 ? null : (double) hits / polar,
                informationCoefficient(sentiments, cars));
    }

    private static Double informationCoefficient(double[] sentiments, double[] cars) {
        if (sentiments.length < 3) {
            return null;
        }
        double ic = new SpearmansCorrelation().correlation(sentiments, cars);
        return Double.isNaN(ic) ? null : ic;
    }
}
