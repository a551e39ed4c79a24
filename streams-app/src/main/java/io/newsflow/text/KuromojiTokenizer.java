package io.newsflow.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Japanese tokens from Lucene's Kuromoji (IPADIC) in normal mode: search mode would split compounds such as
 * 上方修正 differently depending on context, and lexicon phrases must tokenize the same way in a lexicon file
 * and in an article. Keys are dictionary forms (上昇しなかった: 上昇 / する / ない / た), so conjugated
 * verbs and adjectives match lexicon entries.
 *
 * <p>A JapaneseTokenizer is expensive to build and not thread-safe, so each thread reuses its own.
 */
final class KuromojiTokenizer {

    private static final ThreadLocal<Worker> WORKER = ThreadLocal.withInitial(Worker::new);

    List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokens of text[from, to), with offsets relative to text. */
    List<Token> tokenize(String text, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        return WORKER.get().run(text, from, to);
    }

    private static final class Worker {
        private final JapaneseTokenizer tokenizer =
                new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
        private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        private final BaseFormAttribute baseForm = tokenizer.addAttribute(BaseFormAttribute.class);
        private final PartOfSpeechAttribute partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);

        List<Token> run(String text, int from, int to) {
            List<Token> tokens = new ArrayList<>();
            try {
                tokenizer.setReader(new StringReader(text.substring(from, to)));
                tokenizer.reset();
                while (tokenizer.incrementToken()) {
                    String surface = term.toString();
                    if (surface.isBlank()) {
                        continue;
                    }
                    String pos = partOfSpeech.getPartOfSpeech();
                    pos = pos == null ? "" : pos;
                    String base = baseForm.getBaseForm();
                    String key = base == null || base.equals("*") ? surface : base;
                    boolean punct = isPunctuation(surface);
                    tokens.add(new Token(surface, key, pos, from + offset.startOffset(), from + offset.endOffset(), punct));
                }
                tokenizer.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen with a StringReader
            } finally {
                try {
                    tokenizer.close();
                } catch (IOException ignored) {
                    // closing a StringReader does not fail
                }
            }
            return tokens;
        }

        /** Clause punctuation only: symbols such as % or ・ must not cut negation windows. */
        private static boolean isPunctuation(String surface) {
            return surface.length() == 1 && "、。，,.！？!?；;：:「」『』（）()【】\"\u201C\u201D".indexOf(surface.charAt(0)) >= 0;
        }
    }
}
