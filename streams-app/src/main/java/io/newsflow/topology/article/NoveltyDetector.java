package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.text.TextFingerprinter;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Novelty of an article against the articles seen before it.
 *
 * <ul>
 *   <li>Fragments: the share of body text (by characters) that repeats a fragment of the same
 *       article ({@code repeatOf}) or a fragment seen in an earlier article (hash of the
 *       normalised text) is not new: {@code fragmentNovelty = 1 - repeatedShare}.</li>
 *   <li>Near-duplicates: the best MinHash similarity against recent articles (bounded by
 *       {@code novelty.max.fingerprints} and {@code novelty.retention}); at or above
 *       {@code novelty.threshold} the article is a near-duplicate:
 *       {@code novelty = min(fragmentNovelty, 1 - similarity)} and duplicateOf is set.</li>
 * </ul>
 */
public final class NoveltyDetector {

    private static final String GROUP = "fp";

    private final TextFingerprinter fingerprinter;
    private final double threshold;
    private final int maxFingerprints;
    private final long retentionMs;
    private final KeyValueStore<String, NoveltyState.Fingerprint> fingerprintStore;
    private final KeyValueStore<String, NoveltyState.SeenFragment> fragments;
    /**
     * The fingerprint store's content in key (time) order, read once and then written through:
     * every article is compared with all of them, and only this detector writes the store.
     */
    private TreeMap<String, NoveltyState.Fingerprint> recent;

    public NoveltyDetector(TextFingerprinter fingerprinter, double threshold, int maxFingerprints, long retentionMs,
            KeyValueStore<String, NoveltyState.Fingerprint> fingerprintStore,
            KeyValueStore<String, NoveltyState.SeenFragment> fragments) {
        this.fingerprinter = fingerprinter;
        this.threshold = threshold;
        this.maxFingerprints = maxFingerprints;
        this.retentionMs = retentionMs;
        this.fingerprintStore = fingerprintStore;
        this.fragments = fragments;
    }

    /**
     * Whether something seen at {@code seenAt} is out of the retention for an article published at
     * {@code published}: reads treat it as gone even before {@link #expire} deletes it, so that a
     * verdict never depends on when expiry happened to run.
     */
    public boolean forgotten(long seenAt, long published) {
        return seenAt < published - retentionMs;
    }

    /** Judges the article (published at {@code published}) and remembers it for the ones that follow. */
    public Novelty assess(ArticleEvent article, long published) {
        String id = article.getId();
        List<ArticlePieces.Piece> pieces = ArticlePieces.of(article);
        double repeatedShare = ArticlePieces.repeatedShare(pieces, piece -> {
            NoveltyState.SeenFragment seen = fragments.get(piece.hash());
            return seen != null && !seen.articleId().equals(id) && !forgotten(seen.seenAt(), published);
        });

        long[] signature = fingerprinter.fingerprint(article.getTitle() + "\n" + article.getBody(),
                article.getLanguage());
        Match best = bestMatch(id, signature, published);

        for (ArticlePieces.Piece piece : pieces) {
            NoveltyState.SeenFragment seen = fragments.get(piece.hash());
            if (!piece.repeatInside() && (seen == null || forgotten(seen.seenAt(), published))) {
                fragments.put(piece.hash(), new NoveltyState.SeenFragment(id, published));
            }
        }
        NoveltyState.Fingerprint fingerprint = new NoveltyState.Fingerprint(id, article.getLanguage(), signature);
        String key = TimeIndex.key(GROUP, published, id);
        fingerprintStore.put(key, fingerprint);
        recent().put(key, fingerprint);

        double fragmentNovelty = 1.0 - repeatedShare;
        if (best != null && best.similarity() >= threshold) {
            return new Novelty(Math.min(fragmentNovelty, 1.0 - best.similarity()), best.articleId(),
                    best.similarity(), repeatedShare);
        }
        return new Novelty(fragmentNovelty, null, best == null ? 0.0 : best.similarity(), repeatedShare);
    }

    /**
     * Drops fingerprints and fragments older than the retention before {@code streamTime}; called on
     * punctuation with the newest publication time assessed (no later article can use them).
     */
    public void expire(long streamTime) {
        // the in-memory copy mirrors the store, so it names the expired keys without a range scan
        Map<String, NoveltyState.Fingerprint> expired =
                recent().headMap(TimeIndex.key(GROUP, Math.max(0, streamTime - retentionMs), ""));
        expired.keySet().forEach(fingerprintStore::delete);
        expired.clear();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, NoveltyState.SeenFragment> it = fragments.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.seenAt() < streamTime - retentionMs) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(fragments::delete);
    }

    private record Match(String articleId, double similarity) {
    }

    /**
     * Scans the recent fingerprints within the retention before {@code published} (oldest first),
     * trimming them to the bound as it goes.
     */
    private Match bestMatch(String id, long[] signature, long published) {
        TreeMap<String, NoveltyState.Fingerprint> all = recent();
        while (all.size() > maxFingerprints - 1) {
            fingerprintStore.delete(all.pollFirstEntry().getKey());
        }
        Match best = null;
        for (NoveltyState.Fingerprint fp : all.tailMap(TimeIndex.key(GROUP, Math.max(0, published - retentionMs), ""))
                .values()) {
            if (fp.articleId().equals(id)) {
                continue;
            }
            double similarity = fingerprinter.similarity(signature, fp.signature());
            if (best == null || similarity > best.similarity()) {
                best = new Match(fp.articleId(), similarity);
            }
        }
        return best;
    }

    private TreeMap<String, NoveltyState.Fingerprint> recent() {
        if (recent == null) {
            recent = new TreeMap<>();
            try (KeyValueIterator<String, NoveltyState.Fingerprint> it = fingerprintStore.all()) {
                it.forEachRemaining(kv -> recent.put(kv.key, kv.value));
            }
        }
        return recent;
    }
}
