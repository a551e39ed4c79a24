package io.newsflow.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English press data for the sentence model, from entity-labelled paragraphs ({@link LabelledEntity}, the
 * FinEntity layout): a hash-held-out part by paragraph (all entities of a held-out paragraph are held out), and
 * training examples from the rest:
 * <ul>
 *   <li><b>paragraph examples</b>: a paragraph whose entities all have one tone is an example of that tone;</li>
 *   <li><b>entity examples</b>: in a paragraph whose entities differ, each clause naming exactly one labelled
 *       entity is an example of that entity's tone ("X rose 6 %" positive, "while Y slumped" negative), so the
 *       model learns tone at the size it is applied to.</li>
 * </ul>
 * For measuring (and, where it helps, training) at the size the pipeline scores, {@link #sentenceExamples}
 * derives <b>press sentences</b> from the same paragraphs: each sentence of a paragraph (split by
 * {@link SentenceSplitter}) that names at least one labelled entity, all of whose named labelled entities share
 * one tone, takes that tone. A sentence naming no labelled entity is dropped (the labels say nothing about it:
 * it may be background, a quote, another company's news), and so is one naming entities of different tones.
 */
public final class EnglishNewsData {

    private EnglishNewsData() {
    }

    /**
     * Each press example counts this many times in training: about 1,200 press examples against 9,543 tweets
     * (66 % neutral) otherwise count for too little, and polar press sentences are called neutral. Measured in
     * docs/quality.md (1, 2, 4, 8, 16 repeats): the press figures rise up to 8 and then stay, the tweets do not
     * move.
     */
    static final int PRESS_REPEATS = 8;

    /**
     * The sentence model's training examples from the training part: paragraph, entity and sentence examples
     * (a sentence that is a whole paragraph counts once), each {@link #PRESS_REPEATS} times.
     */
    public static List<LabelledSentence> trainingSentences(List<LabelledEntity> train, SentimentLexicon lexicon) {
        List<LabelledSentence> examples = new ArrayList<>(paragraphExamples(train));
        examples.addAll(entityExamples(train, lexicon));
        Set<String> paragraphs = byParagraph(train).keySet();
        sentenceExamples(train).stream().filter(s -> !paragraphs.contains(s.text())).forEach(examples::add);
        List<LabelledSentence> repeated = new ArrayList<>(examples.size() * PRESS_REPEATS);
        for (int r = 0; r < PRESS_REPEATS; r++) {
            repeated.addAll(examples);
        }
        return repeated;
    }

    /**
     * Writes the held-out part as {@code heldout-en-press.tsv} (paragraphs whose entities agree, for
     * {@code eval-sentiment}), {@code heldout-en-press-sentences.tsv} (the press sentences of
     * {@link #sentenceExamples}) and {@code heldout-en-entity.tsv} (every entity label, for
     * {@code eval-sentiment --format entity}).
     */
    public static void writeHeldOut(List<LabelledEntity> heldOut, Path dir, PrintStream out) {
        List<LabelledSentence> paragraphs = paragraphExamples(heldOut);
        List<LabelledSentence> sentences = sentenceExamples(heldOut);
        Path press = dir.resolve("heldout-en-press.tsv");
        Path pressSentences = dir.resolve("heldout-en-press-sentences.tsv");
        Path entity = dir.resolve("heldout-en-entity.tsv");
        SentimentDatasets.writeTsv(paragraphs, press);
        SentimentDatasets.writeTsv(sentences, pressSentences);
        try (BufferedWriter w = Files.newBufferedWriter(entity, StandardCharsets.UTF_8)) {
            for (LabelledEntity e : heldOut) {
                w.write(e.label().code() + "\t" + e.entity() + "\t" + e.text().replaceAll("\\s+", " ").strip() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + entity, e);
        }
        out.printf(Locale.ROOT, "held out: %s (%d paragraphs), %s (%d sentences), %s (%d entity labels)%n", press,
                paragraphs.size(), pressSentences, sentences.size(), entity, heldOut.size());
    }

    /** Entity labels split by paragraph: held out (never trained on) or for training. */
    public record Split(List<LabelledEntity> train, List<LabelledEntity> heldOut) {
    }

    public static Split split(List<LabelledEntity> labelled) {
        List<LabelledEntity> train = new ArrayList<>();
        List<LabelledEntity> heldOut = new ArrayList<>();
        for (LabelledEntity e : labelled) {
            (SentimentDatasets.heldOut(e.text()) ? heldOut : train).add(e);
        }
        return new Split(train, heldOut);
    }

    /** Paragraphs (in first-seen order) with their entity labels. */
    static Map<String, List<LabelledEntity>> byParagraph(List<LabelledEntity> labelled) {
        Map<String, List<LabelledEntity>> paragraphs = new LinkedHashMap<>();
        for (LabelledEntity e : labelled) {
            paragraphs.computeIfAbsent(e.text(), k -> new ArrayList<>()).add(e);
        }
        return paragraphs;
    }

    /** Each paragraph whose entities all have the same tone, with that tone. */
    public static List<LabelledSentence> paragraphExamples(List<LabelledEntity> labelled) {
        List<LabelledSentence> examples = new ArrayList<>();
        byParagraph(labelled).forEach((text, entities) -> {
            if (entities.stream().map(LabelledEntity::label).distinct().count() == 1) {
                examples.add(new LabelledSentence(entities.get(0).label(), text));
            }
        });
        return examples;
    }

    /**
     * Press sentences: every sentence of the paragraphs that names labelled entities (by their literal name) all
     * of one tone, with that tone; sentences naming none or entities of different tones are dropped. A sentence
     * found in several paragraphs counts once (and not at all if its tones there differ).
     */
    public static List<LabelledSentence> sentenceExamples(List<LabelledEntity> labelled) {
        Map<String, SentimentLabel> tones = new LinkedHashMap<>();
        Map<String, Boolean> agreed = new LinkedHashMap<>();
        byParagraph(labelled).forEach((paragraph, entities) -> {
            ArticleText text = ArticleText.of("", paragraph, "en");
            for (CharRange range : text.sentences) {
                String sentence = text.text.substring(range.start(), range.end()).strip();
                SentimentLabel tone = toneOf(sentence, entities);
                if (tone == null) {
                    continue;
                }
                SentimentLabel before = tones.putIfAbsent(sentence, tone);
                agreed.merge(sentence, before == null || before == tone, Boolean::logicalAnd);
            }
        });
        List<LabelledSentence> examples = new ArrayList<>();
        tones.forEach((sentence, tone) -> {
            if (agreed.get(sentence)) {
                examples.add(new LabelledSentence(tone, sentence));
            }
        });
        return examples;
    }

    /** The one tone of the labelled entities a sentence names; null if it names none or they differ. */
    private static SentimentLabel toneOf(String sentence, List<LabelledEntity> entities) {
        SentimentLabel tone = null;
        for (LabelledEntity e : entities) {
            if (sentence.contains(ArticleText.normalize(e.entity()))) {
                if (tone != null && tone != e.label()) {
                    return null;
                }
                tone = e.label();
            }
        }
        return tone;
    }

    /** In paragraphs whose entities differ in tone, each clause naming exactly one labelled entity, with its tone. */
    public static List<LabelledSentence> entityExamples(List<LabelledEntity> labelled, SentimentLexicon lexicon) {
        List<LabelledSentence> examples = new ArrayList<>();
        byParagraph(labelled).forEach((paragraph, entities) -> {
            if (entities.stream().map(LabelledEntity::label).distinct().count() > 1) {
                examples.addAll(clauseExamples(paragraph, entities, lexicon));
            }
        });
        return examples;
    }

    private static List<LabelledSentence> clauseExamples(String paragraph, List<LabelledEntity> entities,
                                                         SentimentLexicon lexicon) {
        ArticleText text = ArticleText.of("", paragraph, lexicon.language().name().toLowerCase(Locale.ROOT));
        List<Token> tokens = text.tokens();
        List<LabelledSentence> examples = new ArrayList<>();
        for (int s = 0; s < text.sentences.size(); s++) {
            int from = text.sentenceTokenStart(s);
            int to = text.sentenceTokenEnd(s);
            if (from >= to) {
                continue;
            }
            int[] clauseOf = EntityPlacement.clauses(lexicon.language(), tokens, from, to,
                    EntityPlacement.hitsByToken(lexicon.find(tokens, from, to), from, to));
            int start = from;
            for (int t = from + 1; t <= to; t++) {
                if (t == to || clauseOf[t - from] != clauseOf[start - from]) {
                    String clause = text.text.substring(tokens.get(start).start(), tokens.get(t - 1).end());
                    LabelledEntity only = onlyEntityIn(clause, entities);
                    if (only != null) {
                        examples.add(new LabelledSentence(only.label(), clause));
                    }
                    start = t;
                }
            }
        }
        return examples;
    }

    private static LabelledEntity onlyEntityIn(String clause, List<LabelledEntity> entities) {
        LabelledEntity found = null;
        for (LabelledEntity e : entities) {
            if (clause.contains(ArticleText.normalize(e.entity()))) {
                if (found != null && found.label() != e.label()) {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }
}
