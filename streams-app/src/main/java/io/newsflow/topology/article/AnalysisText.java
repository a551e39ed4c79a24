package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import java.util.stream.Collectors;

/**
 * The article as entity resolution and sentiment read it. The body keeps the source's text, markup
 * and repeats included; the fragments carry the cleaned text (markup removed by ingest). The analysis
 * reads the original fragments (those that repeat nothing earlier), one paragraph each, so a link's URL
 * or a page's second copy of its text neither adds mentions nor counts twice. An article without
 * fragments (a producer that did not split) is read as it is.
 *
 * <p>What is read is capped ({@link #capped}, {@code text.analysis.max.chars}): the title and then the
 * body up to that many characters in all, so that the work per article is bounded whatever a producer
 * sends; the scores say how much was read ({@code ScoredArticle.analysedChars}).
 *
 * @param article the article with its body replaced by the analysis text
 * @param analysedChars the characters of title and analysis text read when the cap cut them, else null
 */
public record AnalysisText(ArticleEvent article, Integer analysedChars) {

    /** Where a cut may go back to the last white space, so that the last word read is a whole one. */
    private static final int WORD_BACKOFF = 64;

    /** The same article with its body replaced by the analysis text; the article itself when it has no fragments. */
    public static ArticleEvent of(ArticleEvent article) {
        if (article.getFragments() == null || article.getFragments().isEmpty()) {
            return article;
        }
        String text = article.getFragments().stream()
                .filter(f -> f.getRepeatOf() == null)
                .map(ArticleFragment::getText)
                .collect(Collectors.joining("\n\n"));
        return ArticleEvent.newBuilder(article).setBody(text).build();
    }

    /** The analysis text of {@link #of}, cut to {@code maxChars} characters of title and body in all. */
    public static AnalysisText capped(ArticleEvent article, int maxChars) {
        ArticleEvent analysed = of(article);
        String title = analysed.getTitle() == null ? "" : analysed.getTitle();
        String body = analysed.getBody() == null ? "" : analysed.getBody();
        if (title.length() + body.length() <= maxChars) {
            return new AnalysisText(analysed, null);
        }
        String cutTitle = cut(title, maxChars);
        String cutBody = cut(body, maxChars - cutTitle.length());
        ArticleEvent cut = ArticleEvent.newBuilder(analysed).setTitle(cutTitle).setBody(cutBody).build();
        return new AnalysisText(cut, cutTitle.length() + cutBody.length());
    }

    /** The first {@code max} chars at most, not splitting a surrogate pair, back to white space when one is near. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        for (int i = end; i > 0 && i > end - WORD_BACKOFF; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        return text.substring(0, end);
    }
}
