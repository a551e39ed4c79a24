package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
import java.time.Instant;
import java.util.List;

/** Builds test articles with only the fields text analysis reads. */
final class Articles {

    private Articles() {
    }

    static ArticleEvent article(String language, String title, String body, String... tags) {
        return ArticleEvent.newBuilder()
                .setId("a-" + Integer.toHexString((title + body).hashCode()))
                .setSource("test-wire")
                .setTitle(title)
                .setBody(body)
                .setLanguage(language)
                .setPublishedAt(Instant.parse("2025-10-30T21:00:00Z"))
                .setTags(List.of(tags))
                .build();
    }

    static ArticleEvent en(String title, String body, String... tags) {
        return article("en", title, body, tags);
    }

    static ArticleEvent ja(String title, String body, String... tags) {
        return article("ja", title, body, tags);
    }
}
