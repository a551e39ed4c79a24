package io.newsflow.ingest.article;

import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain web-article text. The title is the first non-blank line, unless that is implausible (see
 * {@link Titles}: a run-together copy of the page, or too long), when it is a line below. When the
 * next non-blank line after the title is a timestamp (any form {@link Times} reads) it is the
 * publication time, otherwise the caller's fallback time (the file's modification time) is used.
 * Every other line is the body, in order: a run-together first line stays in it (fragments mark the
 * copy as a repeat).
 */
public final class PlainTextArticleParser {

    public ArticleDraft parse(String text, String defaultSource, Instant fallbackTime) throws BadInputException {
        List<String> lines = text.lines().toList();
        int first = nextNonBlank(lines, 0);
        if (first < 0) {
            throw new BadInputException("no text");
        }
        int titleLine = Titles.titleLine(lines, first);
        String title = lines.get(titleLine).strip();
        PublishedAt published = fallbackTime == null ? null : PublishedAt.of(fallbackTime, "file modification time");
        int dateLine = nextNonBlank(lines, titleLine + 1);
        if (dateLine >= 0 && isTimestamp(lines.get(dateLine))) {
            published = new PublishedAt(Times.read(lines.get(dateLine)), "line " + (dateLine + 1));
        } else {
            dateLine = -1;
        }
        List<String> bodyLines = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (i != titleLine && i != dateLine) {
                bodyLines.add(lines.get(i));
            }
        }
        String body = String.join("\n", bodyLines).strip();
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

    static boolean isTimestamp(String line) {
        try {
            Times.read(line);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
