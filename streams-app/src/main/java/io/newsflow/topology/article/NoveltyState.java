package io.newsflow.topology.article;

/** State records of the novelty stores. */
public final class NoveltyState {

    private NoveltyState() {
    }

    /**
     * An article id already processed: the hash of the content it had, the input record that
     * brought it ({@code topic/partition@offset}) and the novelty it was given. The last two let a
     * replay of that very record (at-least-once, after a crash) emit the same scores again; they are
     * null in entries written before they existed.
     */
    public record SeenArticle(String contentHash, long seenAt, String source, Novelty verdict) {

        /** Whether {@code source} is the record this entry was written for, and its verdict is known. */
        public boolean writtenFor(String source) {
            return source != null && source.equals(this.source) && verdict != null;
        }
    }

    /** A recent article's MinHash signature. */
    public record Fingerprint(String articleId, String language, long[] signature) {
    }

    /** First article that carried a body fragment. */
    public record SeenFragment(String articleId, long seenAt) {
    }
}
