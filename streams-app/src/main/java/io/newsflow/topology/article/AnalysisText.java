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
 */
public final class AnalysisText {

    private AnalysisText() {
    }

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
}
