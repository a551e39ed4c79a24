package io.newsflow.topology;

import io.newsflow.text.EntityMention;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextFingerprinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Small, transparent stand-ins for the text-analysis implementations, so that topology tests
 * control exactly which entities, scores and similarities an article gets.
 */
final class FakeTextAnalysis {

    private FakeTextAnalysis() {
    }

    /** Entities by a lower-case keyword; relevance 0.9 when the keyword is in the title, else 0.5. */
    static EntityResolver resolver() {
        Map<String, String[]> known = new LinkedHashMap<>();
        known.put("meta", new String[] {"Meta Platforms", "META"});
        known.put("nvidia", new String[] {"NVIDIA", "NVDA"});
        known.put("openai", new String[] {"OpenAI", null});
        return article -> {
            List<EntityMention> out = new ArrayList<>();
            String title = article.getTitle().toLowerCase(Locale.ROOT);
            String body = article.getBody().toLowerCase(Locale.ROOT);
            known.forEach((word, entity) -> {
                if (title.contains(word) || body.contains(word)) {
                    out.add(new EntityMention(entity[0], entity[1], title.contains(word) ? 0.9 : 0.5, 1));
                }
            });
            return out;
        };
    }

    /** +0.5 per positive word, -0.5 per negative word, clamped to [-1, 1]. */
    static SentimentScorer scorer() {
        Set<String> positive = Set.of("beats", "surges", "strong", "record");
        Set<String> negative = Set.of("falls", "plunges", "worries", "slump");
        return (article, target) -> {
            double score = 0;
            List<String> terms = new ArrayList<>();
            for (String word : words(article.getTitle() + " " + article.getBody())) {
                if (positive.contains(word)) {
                    score += 0.5;
                    terms.add(word);
                } else if (negative.contains(word)) {
                    score -= 0.5;
                    terms.add(word);
                }
            }
            double clamped = Math.max(-1, Math.min(1, score));
            return new SentimentScore(clamped, Math.abs(clamped), terms);
        };
    }

    /** Exact Jaccard similarity of word sets (the "signature" is the sorted word hashes). */
    static TextFingerprinter fingerprinter() {
        return new TextFingerprinter() {
            @Override
            public long[] fingerprint(String text, String language) {
                return words(text).stream().mapToLong(String::hashCode).distinct().sorted().toArray();
            }

            @Override
            public double similarity(long[] a, long[] b) {
                Set<Long> left = Arrays.stream(a).boxed().collect(Collectors.toSet());
                Set<Long> right = Arrays.stream(b).boxed().collect(Collectors.toSet());
                Set<Long> union = new TreeSet<>(left);
                union.addAll(right);
                left.retainAll(right);
                return union.isEmpty() ? 0 : (double) left.size() / union.size();
            }
        };
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toList();
    }

}
