package io.newsflow.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines, one article object per line with fields mirroring ArticleEvent: title, body and
 * publishedAt (any form {@link io.newsflow.ingest.Times} reads; {@code date} also accepted) required; id, source, url,
 * language, tags, categories, author and sentiment (or upstreamSentiment) optional. Fragments are
 * always computed by ingest. A bad line is reported as {@code file:line} and skipped.
 */
public final class JsonLinesArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Parsed<ArticleDraft> parse(String text, String fileName, String defaultSource) {
        List<ArticleDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            try {
                drafts.add(parseLine(line, defaultSource));
            } catch (BadInputException e) {
                problems.add(new Problem(fileName + ":" + (n + 1), e.getMessage()));
            }
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(fileName, "no text: no JSON lines"));
        }
        return Parsed.of(drafts, problems);
    }

    @SuppressWarnings("unchecked")
    ArticleDraft parseLine(String line, String defaultSource) throws BadInputException {
        Object parsed;
        try {
            parsed = JSON.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException("invalid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new BadInputException("not a JSON object");
        }
        Map<String, Object> map = (Map<String, Object>) parsed;
        String title = Fields.required(map, "title");
        String body = Fields.required(map, "body");
        PublishedAt published = Fields.publishedAt(map, "publishedAt", "date");
        if (published == null) {
            throw new BadInputException("missing 'publishedAt'");
        }
        String source = Fields.string(map, "source");
        return new ArticleDraft(Fields.string(map, "id"), source == null ? defaultSource : source,
                Fields.string(map, "url"), title, body, Fields.string(map, "language"), published,
                Fields.strings(map, "tags"), Fields.strings(map, "categories"), Fields.string(map, "author"),
                Fields.sentiment(map, "sentiment", "upstreamSentiment"));
    }
}
