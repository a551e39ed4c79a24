package io.newsflow.ingest.article;

import java.util.List;

/** An article as a format parser read it, before ids, language and fragments are derived. */
public record ArticleDraft(String id, String source, String url, String title, String body, String language,
        PublishedAt publishedAt, List<String> tags, List<String> categories, String author, Double upstreamSentiment) {

    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
