package io.newsflow.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.ingest.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * Markdown with YAML front matter: a first line {@code ---}, YAML up to the next {@code ---} (or
 * {@code ...}) line, body below. Keys: title (required), date or publishedAt (required), id, source,
 * url, language, categories, tags, author, sentiment (upstream, in [-1, 1]) and excerpt (used as the
 * body only when the body is empty).
 */
public final class FrontMatterArticleParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static boolean hasFrontMatter(String text) {
        return text.lines().findFirst().map(l -> l.strip().equals("---")).orElse(false);
    }

    public ArticleDraft parse(String text, String defaultSource) throws BadInputException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new BadInputException("broken front matter: first line is not ---");
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new BadInputException("broken front matter: no closing --- line");
        }
        Map<String, Object> meta = readYaml(String.join("\n", lines.subList(1, close)));
        String body = String.join("\n", lines.subList(close + 1, lines.size())).strip();
        String title = Fields.required(meta, "title");
        if (body.isEmpty()) {
            body = Fields.string(meta, "excerpt");
            if (body == null) {
                throw new BadInputException("no text: empty body and no excerpt");
            }
        }
        PublishedAt published = Fields.publishedAt(meta, "date", "publishedAt");
        if (published == null) {
            throw new BadInputException("missing 'date'");
        }
        String source = Fields.string(meta, "source");
        return new ArticleDraft(Fields.string(meta, "id"), source == null ? defaultSource : source,
                Fields.string(meta, "url"), title, body, Fields.string(meta, "language"), published,
                Fields.strings(meta, "tags"), Fields.strings(meta, "categories"), Fields.string(meta, "author"),
                Fields.sentiment(meta, "sentiment", "upstreamSentiment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(String yaml) throws BadInputException {
        if (yaml.isBlank()) {
            throw new BadInputException("broken front matter: empty");
        }
        Object parsed;
        try {
            parsed = YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException("broken front matter: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadInputException("broken front matter: not a key/value mapping");
        }
        return (Map<String, Object>) map;
    }
}
