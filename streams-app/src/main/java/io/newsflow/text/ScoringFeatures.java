package io.newsflow.text;

import com.carrotsearch.hppc.IntHashSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of one sentence as a model scores them. {@link SentimentFeatures#located} fills it like its own map
 * (in order of first occurrence, each with the range it came from), except the character n-grams of
 * {@link JapaneseCharacterGrams}: those come by their characters ({@link #putGram}), are kept only when the model
 * has a weight for them ({@link CharacterGramWeights}), and never as map entries, so that no string is built or
 * hashed for them (about 250 a Japanese sentence). An n-gram the model has no weight for adds nothing to any class,
 * and {@link #known} gives the rest in the order of the full map (the n-grams come in one block between the words
 * and the lexicon, and no other feature's name starts with {@link JapaneseCharacterGrams#PREFIX}), so the weights
 * are summed in the same order and the scores are the same to the last bit. The map's keys are the other features,
 * which is all the rule layers look at. Not thread-safe (one per prediction).
 */
final class ScoringFeatures extends LinkedHashMap<String, CharRange> {

    /** Room for the features of a long sentence without growing the table. */
    private static final int CAPACITY = 256;

    /** A feature the model has weights for, where it came from, and its weights (one per class). */
    record Known(String name, CharRange range, double[] weights) {
    }

    private final Map<String, double[]> weights;
    private final CharacterGramWeights gramWeights;
    private final IntHashSet gramsSeen = new IntHashSet(CAPACITY);
    private final List<Known> grams = new ArrayList<>(CAPACITY);
    /** How many map entries came before the first n-gram (-1 before it). */
    private int gramsAt = -1;

    ScoringFeatures(Map<String, double[]> weights, CharacterGramWeights gramWeights) {
        super(CAPACITY);
        this.weights = weights;
        this.gramWeights = gramWeights;
    }

    /** Takes the n-gram text[start, start + n) if the model has a weight for it and it is not there yet. */
    void putGram(CharSequence text, int start, int n) {
        if (gramsAt < 0) {
            gramsAt = size();
        }
        int index = gramWeights.indexOf(text, start, n);
        if (index >= 0 && gramsSeen.add(index)) {
            grams.add(new Known(gramWeights.name(index), new CharRange(start, start + n), gramWeights.weights(index)));
        }
    }

    /** The features the model has weights for, in order of first occurrence. */
    List<Known> known() {
        List<Known> known = new ArrayList<>(size() + grams.size());
        int position = 0;
        for (Map.Entry<String, CharRange> feature : entrySet()) {
            if (position++ == gramsAt) {
                known.addAll(grams);
            }
            double[] w = weights.get(feature.getKey());
            if (w != null) {
                known.add(new Known(feature.getKey(), feature.getValue(), w));
            }
        }
        if (gramsAt >= size()) {
            known.addAll(grams);
        }
        return known;
    }
}
