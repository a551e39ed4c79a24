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
        long hundredths = Math.round(weight * 100);
        if (hundredths == 0 || hundredths / 100.0 != weight) {
            return String.format(java.util.Locale.ROOT, "%+.2f %s", weight, text);
        }
        // A weight of whole hundredths (as EvidenceSpans rounds them) written without Formatter, which was a quarter
        // of the cost of a Japanese comment's evidence (docs/quality.md, fourth round); the same text as %+.2f.
        long abs = Math.abs(hundredths);
        long cents = abs % 100;
        return (hundredths < 0 ? "-" : "+") + abs / 100 + (cents < 10 ? ".0" : ".") + cents + " " + text;
    }
}
