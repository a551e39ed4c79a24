package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An article's text prepared once for every analysis step: title and body NFKC-normalised (full-width
 * letters and half-width katakana folded, so that "ＭＥＴＡ" and "ﾒﾀ" match aliases) and joined as
 * {@code title + "\n" + body}, split into sentences (the title is sentence 0, the lead is the first two body
 * sentences), tokenized lazily.
 *
 * <p>The topology resolves an article's entities and then scores it once per entity, so each thread keeps its
 * last ArticleText and reuses it while it is asked about the same title and body (compared by identity:
 * Avro strings are immutable). Instances are confined to one thread.
 */
final class ArticleText {

    static final int LEAD_SENTENCES = 2;

    private static final EnglishTokenizer ENGLISH = new EnglishTokenizer();
    private static final KuromojiTokenizer JAPANESE = new KuromojiTokenizer();
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final ThreadLocal<ArticleText> LAST = new ThreadLocal<>();

    private final String sourceTitle;
    private final String sourceBody;
    private final String sourceLanguage;

    final String text;
    final Language language;
    /** Sentences in text order; the first is the title when {@link #hasTitle}. */
    final List<CharRange> sentences;
    final boolean hasTitle;

    private List<Token> tokens;
    private int[] sentenceTokenStart;
    private AliasDictionary matchedWith;
    private List<AliasMatch> matches;

    private ArticleText(String title, String body, String languageCode) {
        this.sourceTitle = title;
        this.sourceBody = body;
        this.sourceLanguage = languageCode;
        String normalizedTitle = normalize(title).replace('\n', ' ').replace('\r', ' ');
        String normalizedBody = normalize(body);
        this.text = normalizedTitle + "\n" + normalizedBody;
        this.language = Language.of(languageCode, text);
        List<CharRange> all = new ArrayList<>();
        CharRange titleSpan = trimmed(0, normalizedTitle.length()); // a title is one unit even if it has several sentences
        this.hasTitle = titleSpan != null;
        if (hasTitle) {
            all.add(titleSpan);
        }
        all.addAll(SPLITTER.split(text, normalizedTitle.length() + 1, text.length(), language));
        this.sentences = List.copyOf(all);
    }

    static ArticleText of(ArticleEvent article) {
        String title = stringOrEmpty(article.getTitle());
        String body = stringOrEmpty(article.getBody());
        String language = article.getLanguage() == null ? null : article.getLanguage().toString();
        ArticleText last = LAST.get();
        if (last != null && last.sourceTitle == title && last.sourceBody == body
                && Objects.equals(last.sourceLanguage, language)) {
            return last;
        }
        ArticleText fresh = new ArticleText(title, body, language);
        LAST.set(fresh);
        return fresh;
    }

    static ArticleText of(String title, String body, String language) {
        return new ArticleText(stringOrEmpty(title), stringOrEmpty(body), language);
    }

    /** Index of the first body sentence. */
    int firstBodySentence() {
        return hasTitle ? 1 : 0;
    }

    boolean isLead(int sentence) {
        return sentence >= firstBodySentence() && sentence < firstBodySentence() + LEAD_SENTENCES;
    }

    /** Index of the sentence containing offset, or -1 (the separator and trimmed white space belong to none). */
    int sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            CharRange s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    List<Token> tokens() {
        if (tokens == null) {
            tokenize();
        }
        return tokens;
    }

    /** Token index range [from, to) of a sentence. */
    int sentenceTokenStart(int sentence) {
        tokens();
        return sentenceTokenStart[sentence];
    }

    int sentenceTokenEnd(int sentence) {
        tokens();
        return sentenceTokenStart[sentence + 1];
    }

    /** Alias matches of the dictionary in the text; cached for the last dictionary asked. */
    List<AliasMatch> matches(AliasDictionary dictionary) {
        if (matchedWith != dictionary) {
            matches = dictionary.findMatches(text);
            matchedWith = dictionary;
        }
        return matches;
    }

    private void tokenize() {
        List<Token> all = new ArrayList<>();
        int[] starts = new int[sentences.size() + 1];
        for (int s = 0; s < sentences.size(); s++) {
            starts[s] = all.size();
            CharRange span = sentences.get(s);
            all.addAll(language == Language.JA
                    ? JAPANESE.tokenize(text, span.start(), span.end())
                    : ENGLISH.tokenize(text, span.start(), span.end()));
        }
        starts[sentences.size()] = all.size();
        tokens = all;
        sentenceTokenStart = starts;
    }

    private CharRange trimmed(int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new CharRange(start, end) : null;
    }

    static String normalize(String s) {
        return s.isEmpty() ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static String stringOrEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
