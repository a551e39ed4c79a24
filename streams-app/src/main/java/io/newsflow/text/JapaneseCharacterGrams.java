package io.newsflow.text;

import java.util.List;
import java.util.Map;

/**
 * Character n-grams of a Japanese sentence ({@code c:込め}, {@code c:めない}), a family of features next to the
 * words of {@link JapaneseFeatures}. Why: the Economy Watchers comments say much of their tone in how a word is
 * inflected and joined (見込めない, 良くなって, 伸び悩み), which a tokenizer splits in ways the word features
 * do not always see; a character n-gram model reached 0.72 on held-out comments in the outside trial, and
 * the bounded family here raised the project's validation accuracy by about 1.5 points (docs/quality.md, third
 * round).
 * <p>
 * Bounded, like the words: an n-gram of {@value #MIN_N} to {@value #MAX_N} characters lies within the characters
 * of words of meaning and grammar ({@link JapaneseFeatures#content}, {@link JapaneseFeatures#grammar}), so never in
 * a name, a number, a symbol or across punctuation; and it holds at least one character of a word of meaning or of
 * the grammar that changes a word (ない, た, れる, なる): particles alone (は, には, を) never make one, so a score does
 * not rest on them. Unlike the word features, an auxiliary's characters may form an n-gram without a word of
 * meaning (ない, てい): on the validation fifth, n-grams that must touch a word of meaning gave 0.704, these 0.716,
 * every n-gram (particles alone included) 0.716 (docs/quality.md, third round). Each n-gram's range is its own
 * characters, which {@link EvidenceSpans} joins with the neighbouring words and drops when they are function words
 * only. Stateless.
 */
final class JapaneseCharacterGrams {

    static final int MIN_N = 2;
    static final int MAX_N = 3;
    static final String PREFIX = "c:";
    /** Characters of a name, number, symbol or punctuation: in no n-gram. */
    private static final byte NONE = 0;
    /** Characters of a particle (は, を, には): in an n-gram only next to an anchor. */
    private static final byte PARTICLE = 1;
    /** Characters of a word of meaning or of grammar that changes it (ない, た, れる, なる). */
    private static final byte ANCHOR = 2;

    private JapaneseCharacterGrams() {
    }

    /**
     * Adds the n-grams of tokens[from, to) of text (the tokens' offsets point into it), leaving out the tokens
     * marked in attached: the words of a change or an event (減少 in 販管費は5%減少した) and of a background clause,
     * which their own features speak for once, as for the word features.
     */
    static void add(String text, List<Token> tokens, int from, int to, Map<String, CharRange> features,
                    boolean[] attached) {
        if (from >= to) {
            return;
        }
        int base = tokens.get(from).start();
        int length = tokens.get(to - 1).end() - base;
        byte[] kind = new byte[length];
        for (int t = from; t < to; t++) {
            Token token = tokens.get(t);
            byte k = attached[t - from] ? NONE : JapaneseFeatures.content(token) ? ANCHOR : !JapaneseFeatures.grammar(token) ? NONE
                    : token.partOfSpeech().startsWith("助詞") ? PARTICLE : ANCHOR;
            if (k != 0) {
                for (int c = token.start(); c < token.end(); c++) {
                    kind[c - base] = Character.isWhitespace(text.charAt(c)) ? 0 : k;
                }
            }
        }
        ScoringFeatures scoring = features instanceof ScoringFeatures s ? s : null;
        for (int n = MIN_N; n <= MAX_N; n++) {
            for (int i = 0; i + n <= length; i++) {
                boolean usable = true;
                boolean anchored = false;
                for (int c = i; c < i + n && usable; c++) {
                    usable = kind[c] != NONE;
                    anchored |= kind[c] == ANCHOR;
                }
                if (usable && anchored) {
                    if (scoring != null) {
                        scoring.putGram(text, base + i, n);
                    } else {
                        features.putIfAbsent(PREFIX + text.substring(base + i, base + i + n),
                                new CharRange(base + i, base + i + n));
                    }
                }
            }
        }
    }

    /**
     * The n-gram text[start, start + n) as one number (its length, then its chars, 16 bits each), so that a model
     * can find its weight without building its name.
     */
    static long key(CharSequence text, int start, int n) {
        long key = n;
        for (int c = start; c < start + n; c++) {
            key = key << Character.SIZE | text.charAt(c);
        }
        return key;
    }

    /** Whether a feature's name is that of an n-gram ({@code c:込め}); its characters start at PREFIX.length(). */
    static boolean isGram(String feature) {
        int n = feature.length() - PREFIX.length();
        return feature.startsWith(PREFIX) && n >= MIN_N && n <= MAX_N;
    }
}
