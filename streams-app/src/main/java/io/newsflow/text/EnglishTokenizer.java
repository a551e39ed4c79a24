package io.newsflow.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A small hand-written English tokenizer: words are runs of letters/digits, "didn't" becomes "did" + "n't"
 * (so that negation survives), possessive "'s" is dropped, clause punctuation is kept as punctuation tokens
 * and every other symbol ($, %, hyphens) only separates words. Keys are Snowball (Porter2) stems of the
 * lower-cased word, so "plunged", "plunges" and "plunge" all match the lexicon entry "plunge".
 *
 * <p>Thread-safe: the only state is a per-thread stemmer.
 */
final class EnglishTokenizer {

    static final String NOT = "n't";

    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i, to);
                addWord(text, i, end, tokens);
                i = end;
            } else {
                if (isClausePunctuation(c)) {
                    String s = String.valueOf(c);
                    tokens.add(new Token(s, s, "punct", i, i + 1, true));
                }
                i++;
            }
        }
        return tokens;
    }

    /**
     * Letters and digits, with apostrophes and decimal points allowed inside ("didn't", "4.2x"), and thousands
     * separators between digits ("3,000": one figure, whose comma must not end a clause and the windows of cues).
     */
    private static int wordEnd(String text, int start, int to) {
        int i = start + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((isApostrophe(c) || c == '.' && Character.isDigit(text.charAt(i - 1)))
                    && i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1))
                    || c == ',' && Character.isDigit(text.charAt(i - 1)) && i + 1 < to
                    && Character.isDigit(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static void addWord(String text, int start, int end, List<Token> tokens) {
        String word = text.substring(start, end);
        int apostrophe = firstApostrophe(word);
        if (apostrophe < 0) {
            tokens.add(word(word, start, end));
            return;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("n't") || lower.endsWith("n\u2019t")) {
            int stemEnd = end - 3;
            if (stemEnd > start) {
                tokens.add(word(text.substring(start, stemEnd), start, stemEnd));
            }
            tokens.add(new Token(text.substring(stemEnd, end), NOT, "word", stemEnd, end, false));
            return;
        }
        String head = word.substring(0, apostrophe);
        String tail = lower.substring(apostrophe + 1);
        tokens.add(word(head, start, start + apostrophe));
        if (!tail.equals("s")) {
            // 're, 've, 'll, 'd, 'm: kept so that windows count them, matched by nothing.
            tokens.add(new Token(word.substring(apostrophe), "'" + tail, "word", start + apostrophe, end, false));
        }
    }

    private static Token word(String surface, int start, int end) {
        return new Token(surface, stem(surface), "word", start, end, false);
    }

    /** The lexicon key of an English word: lower-case Porter2 stem. */
    static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < 3 || !Character.isLetter(lower.charAt(0))) {
            return lower;
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static int firstApostrophe(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (isApostrophe(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isClausePunctuation(char c) {
        return switch (c) {
            case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\u201C', '\u201D', '\u2014', '\u2013' -> true;
            default -> false;
        };
    }
}
