package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
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
 * dictionary): 1.0 in a clause naming the entity, 0.7 elsewhere in a sentence naming it, 0.15 in a clause or
 * sentence naming only other entities; a sentence naming no entity gets 0.6 when the last sentence (or headline)
 * naming entities named only this one ("The company..." usually refers back to it), else 0.35; ×1.5 in the
 * headline. When the entity is not named in the text at all (it came from tags only, or is unknown to the
 * dictionary), every clause not naming another entity gets 1.0: the article as a whole is about it.
 *
 * <p><b>Score.</b> {@code tanh(Σ w·v / sqrt(max(1, Σ w)))}: in [-1, 1], one clear term in an entity's sentence
 * gives about ±0.66 (plunge, -0.8), several agreeing terms approach ±1, mixed terms cancel, and dividing by the
 * square root (rather than the sum) of the weights lets evidence accumulate without letting long articles
 * saturate from sheer length. Upstream sentiment carried by the article is ignored. Thread-safe.
 */
public final class LexiconSentimentScorer implements SentimentScorer {

    static final double NEGATION_FACTOR = 0.8;
    static final double TITLE_BOOST = 1.5;
    static final double IN_ENTITY_CLAUSE = 1.0;
    static final double IN_ENTITY_SENTENCE = 0.7;
    static final double AFTER_ENTITY_SENTENCE = 0.6;
    static final double IN_NEUTRAL_SENTENCE = 0.35;
    static final double ABOUT_OTHER_ENTITY = 0.15;

    private static final int EN_NEGATION_BEFORE = 3;
    private static final int JA_NEGATION_AFTER = 5;
    private static final int EN_INTENSIFIER_BEFORE = 2;
    private static final int EN_INTENSIFIER_AFTER = 2;
    private static final int JA_INTENSIFIER_BEFORE = 3;
    private static final Set<String> JA_CONJUNCTIVE = Set.of("が", "けれど", "けれども", "けど", "ものの", "のに");

    private final AliasDictionary dictionary;
    private final SentimentLexicon english;
    private final SentimentLexicon japanese;

    public LexiconSentimentScorer(AliasDictionary dictionary, SentimentLexicon english, SentimentLexicon japanese) {
        this.dictionary = dictionary;
        this.english = english;
        this.japanese = japanese;
    }

    @Override
    public SentimentScore score(ArticleEvent article, EntityMention target) {
        if (article == null) {
            return SentimentScore.none();
        }
        ArticleText text = ArticleText.of(article);
        SentimentLexicon lexicon = text.language == Language.JA ? japanese : english;
        EntityDefinition entity = dictionary.find(target);
        List<AliasMatch> matches = text.matches(dictionary);
        boolean named = entity != null && matches.stream().anyMatch(m -> m.entity().equals(entity));

        Accumulator acc = new Accumulator();
        List<Token> tokens = text.tokens();
        int m = 0;
        boolean carriesTargetOnly = false; // the last sentence naming entities named only the target
        for (int s = 0; s < text.sentences.size(); s++) {
            int from = text.sentenceTokenStart(s);
            int to = text.sentenceTokenEnd(s);
            Span span = text.sentences.get(s);
            while (m < matches.size() && matches.get(m).start() < span.start()) {
                m++;
            }
            int firstMatch = m;
            while (m < matches.size() && matches.get(m).start() < span.end()) {
                m++;
            }
            List<AliasMatch> inSentence = matches.subList(firstMatch, m);
            if (from < to) {
                boolean title = text.hasTitle && s == 0;
                double neutral = carriesTargetOnly ? AFTER_ENTITY_SENTENCE : IN_NEUTRAL_SENTENCE;
                scoreSentence(lexicon, tokens, from, to, inSentence, entity, named, neutral,
                        title ? TITLE_BOOST : 1.0, acc);
            }
            if (!inSentence.isEmpty()) {
                carriesTargetOnly = inSentence.stream().allMatch(a -> a.entity().equals(entity));
            }
        }
        return acc.result();
    }

    private void scoreSentence(SentimentLexicon lexicon, List<Token> tokens, int from, int to,
                               List<AliasMatch> mentions, EntityDefinition entity, boolean named,
                               double neutral, double boost, Accumulator acc) {
        List<Hit> hits = lexicon.find(tokens, from, to);
        if (hits.stream().noneMatch(h -> h.entry().kind() == Kind.POLAR)) {
            return;
        }
        int n = to - from;
        Hit[] hitAt = new Hit[n];
        for (Hit h : hits) {
            for (int t = h.from(); t < h.to(); t++) {
                hitAt[t - from] = h;
            }
        }
        int[] clauseOf = clauses(lexicon.language(), tokens, from, to, hitAt);
        int clauseCount = clauseOf[n - 1] + 1;
        boolean[] clauseTarget = new boolean[clauseCount];
        boolean[] clauseOther = new boolean[clauseCount];
        boolean sentenceTarget = false;
        boolean sentenceOther = false;
        for (AliasMatch mention : mentions) {
            int clause = clauseOf[tokenAt(tokens, from, to, mention.start()) - from];
            if (mention.entity().equals(entity)) {
                clauseTarget[clause] = true;
                sentenceTarget = true;
            } else {
                clauseOther[clause] = true;
                sentenceOther = true;
            }
        }
        for (Hit hit : hits) {
            if (hit.entry().kind() != Kind.POLAR) {
                continue;
            }
            int clause = clauseOf[hit.from() - from];
            double weight = named
                    ? placeWeight(clauseTarget[clause], clauseOther[clause], sentenceTarget, sentenceOther, neutral)
                    : placeWeight(!clauseOther[clause], clauseOther[clause], !sentenceOther, sentenceOther, neutral);
            acc.add(hit, modifiers(lexicon.language(), tokens, hitAt, from, to, hit), weight * boost);
        }
    }

    static double placeWeight(boolean clauseTarget, boolean clauseOther, boolean sentenceTarget, boolean sentenceOther,
                              double neutral) {
        if (clauseTarget) {
            return IN_ENTITY_CLAUSE;
        }
        if (clauseOther) {
            return ABOUT_OTHER_ENTITY;
        }
        if (sentenceTarget) {
            return IN_ENTITY_SENTENCE;
        }
        return sentenceOther ? ABOUT_OTHER_ENTITY : neutral;
    }

    /**
     * Clause index of each token of the sentence. A clause word ("but", 一方) starts a new clause; a Japanese
     * conjunctive particle (…したが、…) ends one.
     */
    private static int[] clauses(Language language, List<Token> tokens, int from, int to, Hit[] hitAt) {
        int[] clauseOf = new int[to - from];
        int clause = 0;
        for (int t = from; t < to; t++) {
            Hit h = hitAt[t - from];
            if (t > from && h != null && h.from() == t && h.entry().kind() == Kind.CLAUSE) {
                clause++;
            }
            clauseOf[t - from] = clause;
            Token token = tokens.get(t);
            if (language == Language.JA && token.partOfSpeech().startsWith("助詞-接続助詞")
                    && JA_CONJUNCTIVE.contains(token.key())) {
                clause++;
            }
        }
        return clauseOf;
    }

    /** Index of the token containing (or first after) a char offset, within [from, to). */
    private static int tokenAt(List<Token> tokens, int from, int to, int offset) {
        for (int t = from; t < to; t++) {
            if (tokens.get(t).end() > offset) {
                return t;
            }
        }
        return to - 1;
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
            if (weight > ABOUT_OTHER_ENTITY * TITLE_BOOST) {
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
