package io.newsflow.ingest.article;

import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Plain web-article text: the first non-empty line is the title (kept as is, market prefix and
 * all); when the next non-empty line is a timestamp it is the publication time, otherwise the
 * caller's fallback time (the file's modification time) is used; the rest is the body.
 */
public final class PlainTextArticleParser {

    public ArticleDraft parse(String text, String defaultSource, Instant fallbackTime) throws BadInputException {
        List<String> lines = text.lines().toList();
        int i = nextNonBlank(lines, 0);
        if (i < 0) {
            throw new BadInputException("no text");
        }
        String title = lines.get(i).strip();
        int bodyStart = i + 1;
        Instant published = fallbackTime;
        int j = nextNonBlank(lines, bodyStart);
        if (j >= 0) {
            Instant stated = tryTime(lines.get(j));
            if (stated != null) {
                published = stated;
                bodyStart = j + 1;
            }
        }
        String body = String.join("\n", lines.subList(bodyStart, lines.size())).strip();
        if (body.isEmpty() || ArticleFactory.withoutSeparators(body).isEmpty()) {
            throw new BadInputException("no text: title only, empty body");
        }
        if (published == null) {
            throw new BadInputException("no publication time");
        }
        return new ArticleDraft(null, defaultSource, null, title, body, null, published, List.of(), List.of(), null,
                null);
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static Instant tryTime(String line) {
        try {
            return Times.parse(line);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
