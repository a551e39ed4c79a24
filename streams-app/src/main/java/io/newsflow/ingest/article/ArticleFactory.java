package io.newsflow.ingest.article;

import io.newsflow.avro.ArticleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a draft into the Avro event: turns pure separator lines of the body into paragraph breaks (and
 * removes nothing else), splits fragments (the cleaned text the analysis reads), detects the language
 * unless given, bounds the title ({@link Titles#bounded}), resolves the publication time in the zone the
 * language implies when the source named none ({@link PublishedAt}) and records how in
 * {@code publishedAtSource}, and assigns the stable id.
 */
public final class ArticleFactory {

    private final LanguageDetector languageDetector;
    private final FragmentSplitter splitter;

    public ArticleFactory(LanguageDetector languageDetector, FragmentSplitter splitter) {
        this.languageDetector = languageDetector;
        this.splitter = splitter;
    }

    public ArticleFactory() {
        this(new LanguageDetector(), new FragmentSplitter());
    }

    public ArticleEvent build(ArticleDraft draft) {
        String body = withoutSeparators(draft.body());
        String language = draft.language() == null || draft.language().isBlank()
                ? languageDetector.detect(draft.title() + "\n" + body)
                : draft.language().trim();
        String id = draft.id() == null || draft.id().isBlank()
                ? ArticleIds.contentHash(draft.source(), draft.title(), body)
                : draft.id().trim();
        List<String> tags = new ArrayList<>(draft.tags());
        MarketPrefix.of(draft.title()).filter(p -> !tags.contains(p)).ifPresent(tags::add);
        return ArticleEvent.newBuilder()
                .setId(id)
                .setSource(draft.source())
                .setUrl(draft.url())
                .setTitle(Titles.bounded(draft.title()))
                .setBody(body)
                .setLanguage(language)
                .setPublishedAt(draft.publishedAt().resolve(language))
                .setPublishedAtSource(draft.publishedAt().describe(language))
                .setTags(tags)
                .setCategories(draft.categories())
                .setAuthor(draft.author())
                .setUpstreamSentiment(draft.upstreamSentiment())
                .setFragments(splitter.split(body))
                .build();
    }

    /**
     * Separator lines become paragraph breaks (so fragment boundaries survive) and runs of blank
     * lines collapse to one; every other line is kept as it was.
     */
    static String withoutSeparators(String body) {
        return body.lines()
                .map(line -> SeparatorLines.isSeparator(line) ? "" : line)
                .collect(Collectors.joining("\n"))
                .replaceAll("\n(\\s*\n){2,}", "\n\n")
                .strip();
    }
}
