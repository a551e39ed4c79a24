package io.newsflow.topology.signal;

import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Signal-quality windows kept in a store (group, publication time, id -> observation): an observation goes in,
 * the summary of the window as of it comes out ({@link SignalStatistics}), and what no later window can hold is
 * dropped. Per ticker ({@link SignalQualityProcessor}) and over all tickers ({@link OverallSignalQualityProcessor}).
 */
final class SignalWindows {

    private final TimeIndex<SignalObservation> observations;
    private final SignalStatistics statistics;
    private final long windowMs;

    SignalWindows(KeyValueStore<String, SignalObservation> store, TopologySettings settings) {
        this.observations = new TimeIndex<>(store);
        this.windowMs = settings.analytics().signalWindow().millis();
        this.statistics = new SignalStatistics(settings.sentiment().neutralBand(), windowMs,
                settings.analytics().signalMaxArticles());
    }

    /** Adds {@code newest} (unique by {@code id} at its publication time) to {@code group}: the window as of it. */
    SignalSummary add(String group, String id, SignalObservation newest) {
        long published = newest.publishedAt();
        observations.put(group, published, id, newest);
        List<SignalObservation> candidates = observations.range(group, Math.max(0, published - windowMs + 1), published)
                .stream().map(TimeIndex.Entry::value).toList();
        SignalSummary summary = statistics.summarize(statistics.window(candidates, newest));
        long latest = observations.latest(group).map(TimeIndex.Entry::time).orElse(published);
        observations.deleteBefore(group, latest - windowMs + 1); // no later window can hold them
        return summary;
    }
}
