package io.newsflow.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what pushed a score (contributions of features, each with the character range of the text it came from,
 * see {@link SentimentFeatures#located}) into {@link EvidenceSpan}s a reader can check against the text:
 * <ol>
 *   <li>contributions are taken strongest first; one that overlaps or touches a span already kept, with the same
 *       sign, joins it (the union of the ranges, the sum of the weights) as long as the span stays within
 *       {@link #MAX_CHARS} chars, so "operating profit", "profit rose" and the change feature become one span;</li>
 *   <li>a span whose words are all function words ("that", "は") is dropped;</li>
 *   <li>spans with the same words (one phrase in two sentences) are added up; at most {@link #MAX_SPANS}, the
 *       strongest first, each of at least {@link #MIN_WEIGHT}.</li>
 * </ol>
 * Language-independent: it knows only ranges, tokens and {@link FunctionWords}. Not thread-safe (one per score).
 */
public final class EvidenceSpans {

    public static final int MAX_SPANS = 5;
    public static final int MAX_CHARS = 60;
    static final double MIN_WEIGHT = 0.01;
    private static final String GAP = " … ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String text;
    private final List<Token> tokens;
    /** Room for the features of a long Japanese sentence (words and character n-grams) without growing. */
    private final List<Item> items = new ArrayList<>(256);

    /** Evidence of {@code text}, whose tokens (offsets into it) are {@code tokens}. */
    EvidenceSpans(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    private record Item(int start, int end, double weight) {
    }

    /** Strongest first, then by position: one comparison (a composed comparator cost a tenth of the evidence). */
    private static final Comparator<Item> STRONGEST_FIRST = (a, b) -> {
        int byWeight = Double.compare(-Math.abs(a.weight()), -Math.abs(b.weight()));
        return byWeight != 0 ? byWeight : Integer.compare(a.start(), b.start());
    };

    /** What the words of text[range) pushed the score by. */
    void add(CharRange range, double weight) {
        if (weight != 0 && range.end() > range.start()) {
            items.add(new Item(range.start(), range.end(), weight));
        }
    }

    /**
     * Whether the one character between two touching ranges ends a sentence or a line (a title and the lead, "好調だ。同社"):
     * a span is words of one sentence, so touching ranges on either side of it stay apart.
     */
    private boolean sentenceBreakBetween(Item a, Item b) {
        int gap = a.end() <= b.start() ? a.end() : b.end() <= a.start() ? b.end() : -1;
        if (gap < 0 || gap >= text.length()) {
            return false; // overlapping ranges, or the end of the text
        }
        return SentenceSplitter.mayEndSentence(text.charAt(gap));
    }

    List<EvidenceSpan> top() {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(STRONGEST_FIRST);
        List<Item> kept = new ArrayList<>();
        for (Item item : sorted) {
            int joined = -1;
            for (int k = 0; k < kept.size() && joined < 0; k++) {
                Item span = kept.get(k);
                boolean sameSign = Math.signum(span.weight()) == Math.signum(item.weight());
                boolean meets = item.start() <= span.end() + 1 && span.start() <= item.end() + 1
                        && !sentenceBreakBetween(span, item);
                int start = Math.min(span.start(), item.start());
                int end = Math.max(span.end(), item.end());
                if (sameSign && meets && end - start <= MAX_CHARS) {
                    kept.set(k, new Item(start, end, span.weight() + item.weight()));
                    joined = k;
                }
            }
            if (joined < 0) {
                kept.add(item);
            }
        }
        Map<String, Double> byWords = new LinkedHashMap<>();
        for (Item span : kept) {
            if (!hasContentWord(span)) {
                continue;
            }
            byWords.merge(excerpt(wholeWords(span)), span.weight(), Double::sum);
        }
        return byWords.entrySet().stream()
                .filter(e -> Math.abs(e.getValue()) >= MIN_WEIGHT)
                .sorted(Map.Entry.<String, Double>comparingByValue(
                        Comparator.comparingDouble(w -> -Math.abs(w))).thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SPANS)
                .map(e -> new EvidenceSpan(e.getKey(), round(e.getValue())))
                .toList();
    }

    private boolean hasContentWord(Item span) {
        for (Token token : tokens) {
            if (token.start() >= span.end()) {
                break;
            }
            if (token.end() > span.start() && !FunctionWords.isFunctionWord(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The span widened to the tokens it touches: a character n-gram of the Japanese model (c:ットフ) covers part of a
     * word, and a reader checks words.
     */
    private Item wholeWords(Item span) {
        int start = span.start();
        int end = span.end();
        for (Token token : tokens) {
            if (token.start() >= span.end()) {
                break;
            }
            if (token.end() > span.start()) {
                start = Math.min(start, token.start());
                end = Math.max(end, token.end());
            }
        }
        return new Item(start, end, span.weight());
    }

    /** The span's words, whitespace collapsed; beyond MAX_CHARS its first and last words around " … ". */
    private String excerpt(Item span) {
        String words = WHITESPACE.matcher(text.substring(span.start(), span.end())).replaceAll(" ").strip();
        if (words.length() <= MAX_CHARS) {
            return words;
        }
        int half = (MAX_CHARS - GAP.length()) / 2;
        return words.substring(0, half).strip() + GAP + words.substring(words.length() - half).strip();
    }

    private static double round(double weight) {
        return Math.round(weight * 100) / 100.0;
    }
}
