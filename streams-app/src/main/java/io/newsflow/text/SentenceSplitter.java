package io.newsflow.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences. A newline always ends a sentence (feeds put paragraphs on lines). Japanese
 * sentences end at 。！？ (and the closing brackets after them). English sentences end at . ! ? followed by
 * white space and a capital, digit, quote or $, unless the period closes an abbreviation ("Mr.", "Inc.",
 * "U.S.", an initial); a period inside a token ("4.2x", "$30.5B") never ends a sentence.
 *
 * <p>Stateless and thread-safe.
 */
final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "inc", "corp", "co", "ltd", "jr", "sr",
            "st", "vs", "e.g", "i.e", "u.s", "u.k", "u.n", "no", "fig", "approx", "est", "dept",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    List<CharRange> split(String text, int from, int to, Language language) {
        List<CharRange> sentences = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\n' || c == '\r') {
                end = i;
            } else if (language == Language.JA ? isJapaneseTerminator(c) : isEnglishBoundary(text, i, to)) {
                end = afterClosers(text, i + 1, to);
            }
            if (end >= 0) {
                add(text, start, end, sentences);
                start = Math.max(end, i + 1);
                i = start;
            } else {
                i++;
            }
        }
        add(text, start, to, sentences);
        return sentences;
    }

    /**
     * Whether {@code c} may end a sentence: a line break or a sentence mark of either language (an English period
     * ends one only in context, see {@link #isEnglishBoundary}). Text on either side of it is not one phrase.
     */
    static boolean mayEndSentence(char c) {
        return c == '\n' || c == '\r' || c == '.' || isJapaneseTerminator(c);
    }

    /** Whether {@code c} ends a Japanese sentence (。！？, and ASCII ! ?). */
    static boolean isJapaneseTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
    }

    private static boolean isEnglishBoundary(String text, int i, int to) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = afterClosers(text, i + 1, to);
        if (next < to && (text.charAt(next) == '.' || text.charAt(next) == '!' || text.charAt(next) == '?')) {
            return false; // "?!" or "...": the boundary is at the last mark
        }
        if (next >= to) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false; // "4.2x", "U.S." mid-token, "$30.5B"
        }
        int following = next;
        while (following < to && text.charAt(following) == ' ') {
            following++;
        }
        if (following >= to || text.charAt(following) == '\n') {
            return true;
        }
        char first = text.charAt(following);
        boolean startsSentence = Character.isUpperCase(first) || Character.isDigit(first) || first == '"'
                || first == '\u201C' || first == '$' || first == '(' || Scripts.isJapaneseChar(first);
        return startsSentence && !(c == '.' && endsWithAbbreviation(text, i));
    }

    private static boolean endsWithAbbreviation(String text, int period) {
        int start = period;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, period).toLowerCase(Locale.ROOT);
        return word.length() == 1 || ABBREVIATIONS.contains(word);
    }

    private static int afterClosers(String text, int i, int to) {
        while (i < to && "」』）)\"'\u201D\u2019]".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void add(String text, int start, int end, List<CharRange> sentences) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            sentences.add(new CharRange(start, end));
        }
    }
}
