package io.newsflow.ingest.article;

import io.newsflow.avro.ArticleFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a body into paragraph fragments and marks repeats and cut-off fragments, so novelty
 * scoring can discount repeated text without ingest dropping any of it.
 *
 * <ul>
 *   <li>Fragments are separated by blank lines, by separator lines ({@link SeparatorLines}) and by
 *       single newlines after a line that ends a sentence or around a heading, list item or quote
 *       (web pages put paragraphs on single lines), and after HTML block ends ({@code </p>}, {@code <br>});
 *       other wrapped lines are joined (with a space, except
 *       between Japanese characters). The fragment text is the analysis text: markup removed
 *       ({@link Markup}) and whitespace-normalised ({@link TextNormalizer#whitespace}).</li>
 *   <li>{@code repeatOf} is the index of the first earlier original fragment (one that is not itself
 *       a repeat) whose comparable form ({@link TextNormalizer#comparable}) is identical, or which
 *       contains at least {@value #CONTAINMENT_THRESHOLD} of this fragment's character
 *       {@value #SHINGLE}-shingles. Containment rather than Jaccard, so a copy cut short still
 *       counts as a repeat of the whole paragraph. A fragment that is a run-together copy of other
 *       paragraphs, before or after it (their comparable forms, verbatim, cover at least
 *       {@value #CONTAINMENT_THRESHOLD} of it), repeats the first of them: the copy is the repeat, the
 *       paragraphs are the originals. Fragments shorter than {@value #MIN_NEAR_LENGTH}
 *       comparable characters repeat only when identical, and do not count towards a cover.</li>
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
    /** Where an HTML block ends (a page saved with its tags, several paragraphs on one line), a paragraph ends. */
    private static final Pattern HTML_BLOCK_END = Pattern.compile(
            "(?i)<br\\s*/?>|</(?:p|div|h[1-6]|li|tr|blockquote|section|article)\\s*>");

    public List<ArticleFragment> split(String body) {
        List<Paragraph> paragraphs = paragraphs(body);
        List<String> comparables = paragraphs.stream().map(p -> TextNormalizer.comparable(p.text())).toList();
        List<ArticleFragment> fragments = new ArrayList<>(paragraphs.size());
        List<Integer> originals = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String comparable = comparables.get(i);
            Set<String> own = shingles(comparable);
            shingles.add(own);
            Integer repeatOf = runTogetherCopyOf(i, comparables);
            for (int j = 0; repeatOf == null && j < originals.size(); j++) {
                int earlier = originals.get(j);
                if (isRepeat(comparable, own, comparables.get(earlier), shingles.get(earlier))) {
                    repeatOf = earlier;
                }
            }
            if (repeatOf == null) {
                originals.add(i);
            }
            Paragraph paragraph = paragraphs.get(i);
            fragments.add(ArticleFragment.newBuilder()
                    .setText(paragraph.text())
                    .setRepeatOf(repeatOf)
                    .setTruncated(looksTruncated(paragraph.source()) && looksTruncated(paragraph.text()))
                    .build());
        }
        return fragments;
    }

    /** A paragraph as the source wrote it (whitespace-normalised) and as the analysis reads it. */
    record Paragraph(String source, String text) {
    }

    static List<Paragraph> paragraphs(String body) {
        List<Paragraph> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String previous = null;
        for (String raw : HTML_BLOCK_END.matcher(body).replaceAll("$0\n\n").split("\\R", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || SeparatorLines.isSeparator(line)) {
                flush(current, out);
            } else {
                if (previous != null && (endsSentence(previous) || isBlock(previous) || isBlock(line))) {
                    flush(current, out);
                }
                appendLine(current, line);
            }
            previous = line.isEmpty() ? null : line;
        }
        flush(current, out);
        return out;
    }

    /**
     * When paragraph {@code i} is a run-together copy of others (at least two other, shorter paragraphs of
     * at least {@value #MIN_NEAR_LENGTH} comparable characters occur in it verbatim and cover at least
     * {@value #CONTAINMENT_THRESHOLD} of it), the first of them; else null. The copy is the repeat, before
     * or after the paragraphs, so the paragraphs stay the originals the analysis reads.
     */
    private static Integer runTogetherCopyOf(int i, List<String> comparables) {
        String comparable = comparables.get(i);
        if (comparable.length() < MIN_NEAR_LENGTH) {
            return null;
        }
        boolean[] covered = new boolean[comparable.length()];
        Integer first = null;
        int parts = 0;
        for (int j = 0; j < comparables.size(); j++) {
            String other = comparables.get(j);
            if (j == i || other.length() < MIN_NEAR_LENGTH || other.length() >= comparable.length()) {
                continue;
            }
            int at = comparable.indexOf(other);
            if (at >= 0) {
                java.util.Arrays.fill(covered, at, at + other.length(), true);
                first = first == null ? j : first;
                parts++;
            }
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 1 : 0;
        }
        return parts >= 2 && count >= CONTAINMENT_THRESHOLD * comparable.length() ? first : null;
    }

    private static boolean endsSentence(String line) {
        int end = line.length();
        while (end > 0 && CLOSERS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_END.indexOf(line.charAt(end - 1)) >= 0;
    }

    /** Headings, list items and quotes stand on their own line. */
    private static boolean isBlock(String line) {
        return line.startsWith("#") || line.startsWith("- ") || line.startsWith("* ") || line.startsWith("・")
                || line.startsWith(">");
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

    private static void flush(StringBuilder current, List<Paragraph> out) {
        String source = TextNormalizer.whitespace(current.toString());
        String text = TextNormalizer.whitespace(Markup.strip(current.toString()));
        if (!text.isEmpty()) {
            out.add(new Paragraph(source, text));
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
        return !isBlock(text) && !endsSentence(text);
    }
}
