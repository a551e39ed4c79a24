package io.newsflow.text;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's weights of the character n-grams of {@link JapaneseCharacterGrams}, found by the n-gram's characters
 * ({@link JapaneseCharacterGrams#key}) instead of its name: a Japanese sentence has about 250 n-grams, and building
 * and hashing a string for each one took about a fifth of the Japanese model's time (docs/quality.md, fourth round).
 * The weights are the model's own arrays. Immutable.
 */
final class CharacterGramWeights {

    private final LongIntHashMap index = new LongIntHashMap();
    private final List<String> names = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();

    /** The n-gram features of a model's weights (features by name). */
    CharacterGramWeights(Map<String, double[]> model) {
        for (Map.Entry<String, double[]> feature : model.entrySet()) {
            String name = feature.getKey();
            if (JapaneseCharacterGrams.isGram(name)) {
                index.put(JapaneseCharacterGrams.key(name, JapaneseCharacterGrams.PREFIX.length(),
                        name.length() - JapaneseCharacterGrams.PREFIX.length()), names.size());
                names.add(name);
                weights.add(feature.getValue());
            }
        }
    }

    /** The index of the n-gram text[start, start + n), or -1 when the model has no weight for it. */
    int indexOf(CharSequence text, int start, int n) {
        return index.getOrDefault(JapaneseCharacterGrams.key(text, start, n), -1);
    }

    String name(int index) {
        return names.get(index);
    }

    double[] weights(int index) {
        return weights.get(index);
    }
}
