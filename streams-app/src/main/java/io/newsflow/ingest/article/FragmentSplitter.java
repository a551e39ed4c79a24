package io.newsflow.ingest.article;

import io.newsflow.avro.ArticleFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a body into paragraph fragments and marks repeats and cut-off fragments, so novelty
 * scoring can discount repeated text without ingest dropping any of it.
 *
 * <ul>
 *   <li>Fragments are separated by blank lines and by separator lines ({@link SeparatorLines});
 *       wrapped lines are joined (with a space, except between Japanese characters) and the text is
 *       whitespace-normalised ({@link TextNormalizer#whitespace}).</li>
 *   <li>{@code repeatOf} is the index of the first earlier original fragment (one that is not itself
 *       a repeat) whose comparable form ({@link TextNormalizer#comparable}) is identical, or which
 *       contains at least {@value #CONTAINMENT_THRESHOLD} of this fragment's character
 *       {@value #SHINGLE}-shingles. Containment rather than Jaccard, so a copy cut short still
 *       counts as a repeat of the whole paragraph. Fragments shorter than {@value #MIN_NEAR_LENGTH}
 *       comparable characters repeat only when identical.</li>
 *   <li>{@code truncated} is true when the fragment does not end with sentence-final punctuation
 *       (. ! ? 。 ！ ？ … or a closing quote/bracket after one); headings and list items are exempt.</li>
 * </ul>
 */
public final class FragmentSplitter {

    static final int SHINGLE = 4;
    static final double CONTAINMENT_THRESHOLD = 0.8;
    static final int MIN_NEAR_LENGTH = 12;

    private static final String SENTENCE_END = ".!?。！？…";
    private static final String CLOSERS = "\"'”’」』）)]】";

    public List<ArticleFragment> split(String body) {
        List<String> paragraphs = paragraphs(body);
        List<ArticleFragment> fragments = new ArrayList<>(paragraphs.size());
        List<Integer> originals = new ArrayList<>();
        List<String> comparables = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            String comparable = TextNormalizer.comparable(text);
            Set<String> own = shingles(comparable);
            comparables.add(comparable);
            shingles.add(own);
            Integer repeatOf = null;
            for (int j : originals) {
                if (isRepeat(comparable, own, comparables.get(j), shingles.get(j))) {
                    repeatOf = j;
                    break;
                }
            }
            if (repeatOf == null) {
                originals.add(i);
            }
            fragments.add(ArticleFragment.newBuilder()
                    .setText(text)
                    .setRepeatOf(repeatOf)
                    .setTruncated(looksTruncated(text))
                    .build());
        }
        return fragments;
    }

    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\\R", -1)) {
            if (line.isBlank() || SeparatorLines.isSeparator(line)) {
                flush(current, out);
            } else {
                appendLine(current, line.strip());
            }
        }
        flush(current, out);
        return out;
    }

    /** Joins wrapped lines with a space, except between Japanese characters, where a space would be an insertion. */
    private static void appendLine(StringBuilder current, String line) {
        if (current.length() > 0 && !(isCjk(current.codePointBefore(current.length())) && isCjk(line.codePointAt(0)))) {
            current.append(' ');
        }
        current.append(line);
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String text = TextNormalizer.whitespace(current.toString());
        if (!text.isEmpty()) {
            out.add(text);
        }
        current.setLength(0);
    }

    private static boolean isRepeat(String comparable, Set<String> own, String earlier, Set<String> earlierShingles) {
        if (comparable.isEmpty()) {
            return false;
        }
        if (comparable.equals(earlier)) {
            return true;
        }
        if (comparable.length() < MIN_NEAR_LENGTH || own.isEmpty()) {
            return false;
        }
        long shared = own.stream().filter(earlierShingles::contains).count();
        return shared >= CONTAINMENT_THRESHOLD * own.size();
    }

    static Set<String> shingles(String comparable) {
        Set<String> out = new HashSet<>();
        int[] cps = comparable.codePoints().toArray();
        for (int i = 0; i + SHINGLE <= cps.length; i++) {
            out.add(new String(cps, i, SHINGLE));
        }
        return out;
    }

    static boolean looksTruncated(String text) {
        if (text.startsWith("#") || text.startsWith("- ") || text.startsWith("* ") || text.startsWith("・")) {
            return false;
        }
        int end = text.length();
        while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 || SENTENCE_END.indexOf(text.charAt(end - 1)) < 0;
    }
}
