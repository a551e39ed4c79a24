package io.newsflow.text;

/**
 * Near-duplicate detection: a fixed-length MinHash signature of a text's shingles, language aware
 * (character shingles for Japanese, word shingles for English).
 */
public interface TextFingerprinter {

    long[] fingerprint(String text, String language);

    /** Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. */
    double similarity(long[] a, long[] b);
}
