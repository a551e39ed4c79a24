package io.newsflow.text;

/**
 * Words of the analysed text that decided a sentiment score, with how much they pushed it: {@code weight} &gt; 0
 * toward positive, &lt; 0 toward negative. {@code text} is a reader-checkable excerpt of the text (at most
 * {@link EvidenceSpans#MAX_CHARS} chars; a longer stretch keeps its first and last words around " … "), never
 * a feature id or a lone function word.
 */
public record EvidenceSpan(String text, double weight) {

    public EvidenceSpan {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("evidence needs words of the text");
        }
    }

    /** {@code +0.81 operating profit rose … from}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%+.2f %s", weight, text);
    }
}
