package io.newsflow.ingest.article;

import java.util.List;

/**
 * Which line of a plain-text page is its title, and a bound on every title.
 *
 * <p>A page saved from the web often starts with the whole article run together in one line, with the
 * real title on a line below. The first non-blank line is the title unless it is implausible: longer
 * than {@value #MAX_LENGTH} characters, or a run-together copy of the text (it contains at least two of
 * the lines below it). Then the title is the first {@code # } Markdown heading, else the first short
 * line (not a separator, not a timestamp).
 */
final class Titles {

    static final int MAX_LENGTH = 200;
    private static final int MIN_COPIED_LINE = 12;

    private Titles() {
    }

    /** Index of the title line among {@code lines}, {@code first} being the first non-blank one. */
    static int titleLine(List<String> lines, int first) {
        if (plausible(lines, first)) {
            return first;
        }
        for (int i = first + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("# ")) {
                return i;
            }
        }
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && length(line) <= MAX_LENGTH && !SeparatorLines.isSeparator(line)
                    && !PlainTextArticleParser.isTimestamp(line)) {
                return i;
            }
        }
        return first;
    }

    private static boolean plausible(List<String> lines, int first) {
        String line = lines.get(first);
        if (length(line.strip()) > MAX_LENGTH) {
            return false;
        }
        String comparable = TextNormalizer.comparable(Markup.strip(line));
        int copied = 0;
        for (int i = first + 1; i < lines.size() && copied < 2; i++) {
            String below = TextNormalizer.comparable(Markup.strip(lines.get(i)));
            if (below.length() >= MIN_COPIED_LINE && comparable.contains(below)) {
                copied++;
            }
        }
        return copied < 2;
    }

    /**
     * The title without markup and with runs of white space collapsed, at most {@value #MAX_LENGTH}
     * characters: a longer one (a source that has no short line) is cut after the last sentence that
     * fits, else at a word with an ellipsis.
     */
    static String bounded(String title) {
        String clean = Markup.strip(title).replaceAll("\\s+", " ").strip();
        if (length(clean) <= MAX_LENGTH) {
            return clean;
        }
        String head = clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH - 1));
        int sentence = lastIndexOfAny(head, ".!?。！？");
        if (sentence >= MAX_LENGTH / 4) {
            return head.substring(0, sentence + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space >= MAX_LENGTH / 2 ? head.substring(0, space) : head).strip() + "…";
    }

    private static int lastIndexOfAny(String s, String chars) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
