package io.newsflow.topology.article;

/** State records of the novelty stores. */
public final class NoveltyState {

    private NoveltyState() {
    }

    /** An article id already processed, with the hash of the content it had. */
    public record SeenArticle(String contentHash, long seenAt) {
    }

    /** A recent article's MinHash signature. */
    public record Fingerprint(String articleId, String language, long[] signature) {
    }

    /** First article that carried a body fragment. */
    public record SeenFragment(String articleId, long seenAt) {
    }
}
