package io.newsflow.text;

import io.newsflow.text.SentimentLexicon.Hit;
import io.newsflow.text.SentimentLexicon.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lexicon sentiment toward one entity, in English or Japanese.
 *
 * <p><b>Per term.</b> Each polar lexicon hit has value {@code v = weight × intensifier × negation}:
 * <ul>
 *   <li>negation: English negators ("not", "n't", "no", "never", "without", "fail to"...) up to 3 tokens
 *       <em>before</em> the term; Japanese negators (ない, ず/ぬ, ません's ん, and verbs that undo a term such as
 *       払拭, 止まる, 和らぐ) up to 5 tokens <em>after</em> it (懸念はない, 上昇しなかった, 好調とは言えない,
 *       懸念を払拭). An odd number of negators negates, an even number cancels out (懸念を拭えない and
 *       下落が止まらない stay negative). A negated term counts {@value #NEGATION_FACTOR} × its weight with the
 *       opposite sign ("not a concern" is mildly positive).</li>
 *   <li>intensifier: the strongest intensifier up to 2 tokens before or after (English: "sharply lower",
 *       "fell sharply") or up to 3 tokens before (Japanese: 大幅に下落, 過去最大の下落) multiplies the weight.</li>
 *   <li>windows stop at clause punctuation, at clause words and at another polar term.</li>
 * </ul>
 * <p><b>Per entity.</b> A hit is weighted by where it is relative to the entity's mentions (from the alias
 * dictionary), as {@link EntityPlacement} says: 1.0 in a clause naming the entity down to 0.15 in a clause about
 * another entity, ×1.5 in the headline.
 *
 * <p><b>Score.</b> {@code tanh(Σ w·v / sqrt(max(1, Σ w)))}: in [-1, 1], one clear term in an entity's sentence
 * gives about ±0.66 (plunge, -0.8), several agreeing terms approach ±1, mixed terms cancel, and dividing by the
 * square root (rather than the sum) of the weights lets evidence accumulate without letting long articles
 * saturate from sheer length. Upstream sentiment carried by the article is ignored. Thread-safe.
 */
public final class LexiconSentimentScorer extends EntitySentimentScorer<SentimentLexicon> {

    static final double NEGATION_FACTOR = 0.8;

    private static final int EN_NEGATION_BEFORE = 3;
    private static final int JA_NEGATION_AFTER = 5;
    private static final int EN_INTENSIFIER_BEFORE = 2;
    private static final int EN_INTENSIFIER_AFTER = 2;
    private static final int JA_INTENSIFIER_BEFORE = 3;

    public LexiconSentimentScorer(AliasDictionary dictionary, SentimentLexicon english, SentimentLexicon japanese) {
        super(dictionary, english, japanese);
    }

    @Override
    SentimentScore score(ArticleText text, SentimentLexicon lexicon, EntityPlacement placement) {
        Accumulator acc = new Accumulator();
        List<Token> tokens = text.tokens();
        placement.forEachSentence(text, sentence -> scoreSentence(lexicon, tokens, sentence, placement, acc));
        return acc.result();
    }

    private void scoreSentence(SentimentLexicon lexicon, List<Token> tokens, EntityPlacement.Sentence sentence,
                               EntityPlacement placement, Accumulator acc) {
        int from = sentence.from();
        int to = sentence.to();
        List<Hit> hits = lexicon.find(tokens, from, to);
        if (hits.stream().noneMatch(h -> h.entry().kind() == Kind.POLAR)) {
            return;
        }
        Hit[] hitAt = EntityPlacement.hitsByToken(hits, from, to);
        int[] clauseOf = EntityPlacement.clauses(lexicon.language(), tokens, from, to, hitAt);
        EntityPlacement.Roles roles = placement.roles(tokens, sentence, clauseOf);
        for (Hit hit : hits) {
            if (hit.entry().kind() != Kind.POLAR) {
                continue;
            }
            double weight = roles.weight(clauseOf[hit.from() - from]);
            acc.add(hit, modifiers(lexicon.language(), tokens, hitAt, from, to, hit), weight * sentence.boost());
        }
    }

    private record Modifiers(boolean negated, SentimentLexicon.Entry intensifier) {
    }

    private static Modifiers modifiers(Language language, List<Token> tokens, Hit[] hitAt, int from, int to, Hit hit) {
        int negators = 0;
        SentimentLexicon.Entry intensifier = null;
        int negBefore = language == Language.EN ? EN_NEGATION_BEFORE : 0;
        int intBefore = language == Language.EN ? EN_INTENSIFIER_BEFORE : JA_INTENSIFIER_BEFORE;
        int before = Math.max(negBefore, intBefore);
        for (int d = 1, t = hit.from() - 1; d <= before && t >= from; d++, t--) {
            Hit h = hitAt[t - from];
            if (stops(tokens.get(t), h)) {
                break;
            }
            if (h != null && h.to() - 1 == t) { // count a multi-token modifier once, at its last token
                if (h.entry().kind() == Kind.NEGATOR && d <= negBefore) {
                    negators++;
                } else if (h.entry().kind() == Kind.INTENSIFIER && d <= intBefore) {
                    intensifier = stronger(intensifier, h.entry());
                }
            }
        }
        int negAfter = language == Language.JA ? JA_NEGATION_AFTER : 0;
        int intAfter = language == Language.EN ? EN_INTENSIFIER_AFTER : 0;
        int after = Math.max(negAfter, intAfter);
        for (int d = 1, t = hit.to(); d <= after && t < to; d++, t++) {
            Hit h = hitAt[t - from];
            if (stops(tokens.get(t), h)) {
                break;
            }
            if (h != null && h.from() == t) {
                if (h.entry().kind() == Kind.NEGATOR && d <= negAfter) {
                    negators++;
                } else if (h.entry().kind() == Kind.INTENSIFIER && d <= intAfter) {
                    intensifier = stronger(intensifier, h.entry());
                }
            }
        }
        // Two negators cancel: 懸念を拭えない (cannot dispel the concern), 下落が止まらない (the fall does not stop).
        return new Modifiers(negators % 2 == 1, intensifier);
    }

    /** Negation and intensifier windows end at punctuation, a clause word or another polar term. */
    private static boolean stops(Token token, Hit h) {
        return token.punctuation()
                || h != null && (h.entry().kind() == Kind.POLAR || h.entry().kind() == Kind.CLAUSE);
    }

    private static SentimentLexicon.Entry stronger(SentimentLexicon.Entry a, SentimentLexicon.Entry b) {
        return a == null || b.weight() > a.weight() ? b : a;
    }

    /** Sums weighted term values and collects the explanation terms. */
    private static final class Accumulator {
        private double weightedSum;
        private double weights;
        private final Set<String> terms = new LinkedHashSet<>();

        void add(Hit hit, Modifiers modifiers, double weight) {
            SentimentLexicon.Entry entry = hit.entry();
            double value = entry.weight();
            StringBuilder label = new StringBuilder();
            if (modifiers.negated()) {
                value = -NEGATION_FACTOR * value;
                label.append("not:");
            }
            if (modifiers.intensifier() != null) {
                value *= modifiers.intensifier().weight();
                label.append(modifiers.intensifier().term()).append(':');
            }
            label.append(entry.term());
            weightedSum += weight * value;
            weights += weight;
            if (weight > EntityPlacement.ABOUT_OTHER_ENTITY * EntityPlacement.TITLE_BOOST) {
                terms.add(label.toString());
            }
        }

        SentimentScore result() {
            if (weights == 0) {
                return SentimentScore.none();
            }
            double score = Math.tanh(weightedSum / Math.sqrt(Math.max(1, weights)));
            // The lexicon has no probabilities: the score's own magnitude is its confidence.
            return new SentimentScore(score, Math.abs(score), new ArrayList<>(terms));
        }
    }
}
