package io.newsflow.text;

import io.newsflow.text.SentimentLexicon.Hit;
import io.newsflow.text.SentimentLexicon.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an article talks about an entity: walks its sentences and tells each scorer how much text at a place
 * counts for the entity. Weights: 1.0 in a clause naming the entity, 0.7 elsewhere in a sentence naming it,
 * 0.15 in a clause or sentence naming only other entities; a sentence naming no entity gets 0.6 when the last
 * sentence (or headline) naming entities named only this one ("The company..." usually refers back to it),
 * nothing when it named only others, else 0.35; ×1.5 in the headline unless it names only others. When the
 * entity is not named in the text at all (it came from tags only, or is unknown to the dictionary), every clause
 * not naming another entity gets 1.0: the article as a whole is about it. A mention of the entity as the source
 * of what is said ("analysts at X said", "according to X", see {@link SpeakerCues}) or, in Japanese, as a
 * counterparty (Xとの提携) counts as naming another entity: the clause is what X says or what others do with X.
 * Shared by the lexicon and the model scorers, so both attribute tone the same way.
 */
final class EntityPlacement {

    static final double TITLE_BOOST = 1.5;
    static final double IN_ENTITY_CLAUSE = 1.0;
    static final double IN_ENTITY_SENTENCE = 0.7;
    static final double AFTER_ENTITY_SENTENCE = 0.6;
    static final double IN_NEUTRAL_SENTENCE = 0.35;
    static final double ABOUT_OTHER_ENTITY = 0.15;
    /**
     * Factor on every weight of an entity named in passing (see {@link #inPassing}); what is said about other
     * entities counts nothing for it. The model scorer's score is a weighted mean with a prior
     * ({@code ModelSentimentScorer.PRIOR}): halving the weight of a lone sentence doubles the prior against it, so
     * a mild sentence (P(pos) − P(neg) about 0.2) stays below the polar bound 0.25 while a plain statement about the
     * entity (営業赤字に転落した, about −0.5) keeps its sign; at 0.35 that statement fell to −0.23 (docs/quality.md).
     */
    static final double IN_PASSING = 0.5;
    /** Sentences (headline included) an article needs before a single mention in it counts as one in passing. */
    static final int LONG_ARTICLE_SENTENCES = 5;

    private static final Set<String> JA_CONJUNCTIVE = Set.of("が", "けれど", "けれども", "けど", "ものの", "のに");

    /** One sentence of the article, with what is needed to weigh its clauses. */
    record Sentence(int index, int from, int to, List<AliasMatch> mentions, double neutralWeight, double boost) {
    }

    interface SentenceVisitor {
        void visit(Sentence sentence);
    }

    private final EntityDefinition entity;
    private final List<AliasMatch> matches;
    private final boolean named;
    /** Whether the target is named only as the source of what is said (set per text by forEachSentence). */
    private boolean sourceOnly;
    /**
     * Whether the target is named in passing (set per text by forEachSentence): its tone then comes only from the
     * sentence naming it and those continuing about it, at {@link #IN_PASSING}, never from the sentences about the
     * article's subject.
     */
    private boolean passing;

    private EntityPlacement(EntityDefinition entity, List<AliasMatch> matches) {
        this.entity = entity;
        this.matches = matches;
        this.named = entity != null && matches.stream().anyMatch(m -> m.entity().equals(entity));
    }

    static EntityPlacement of(ArticleText text, AliasDictionary dictionary, EntityMention target) {
        return new EntityPlacement(dictionary.find(target), text.matches(dictionary));
    }

    /**
     * Places an entity given by name (as a labelled evaluation line names it): by the dictionary's aliases when
     * the name is one of them, else by the name's literal occurrences in the text. {@code others}, the other
     * entities the same text is known to name, are placed the same way, so that their clauses count as about
     * someone else, as the dictionary's entities do in the pipeline.
     */
    static EntityPlacement byName(ArticleText text, AliasDictionary dictionary, String entity,
                                  Collection<String> others) {
        List<AliasMatch> matches = new ArrayList<>();
        EntityDefinition target = known(dictionary, entity);
        if (target == null) {
            target = new EntityDefinition(entity, null, List.of(entity));
            addLiteral(text.text, target, matches);
        }
        for (String other : others) {
            if (!other.equals(entity) && known(dictionary, other) == null) {
                addLiteral(text.text, new EntityDefinition(other, null, List.of(other)), matches);
            }
        }
        // a name given literally wins over a dictionary alias inside it ("Delta Corp" is not Delta Air Lines)
        List<AliasMatch> literal = List.copyOf(matches);
        for (AliasMatch m : text.matches(dictionary)) {
            if (literal.stream().noneMatch(l -> l.start() < m.end() && m.start() < l.end())) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingInt(AliasMatch::start));
        return new EntityPlacement(target, matches);
    }

    /** The dictionary's entity of which the name is the canonical name or an alias (any casing); null if none. */
    private static EntityDefinition known(AliasDictionary dictionary, String name) {
        EntityDefinition found = dictionary.matchTag(name);
        return found != null && (found.name().equalsIgnoreCase(name)
                || found.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) ? found : null;
    }

    /** Every whole-word occurrence of the entity's name not inside a match already found. */
    private static void addLiteral(String text, EntityDefinition entity, List<AliasMatch> matches) {
        String name = ArticleText.normalize(entity.name());
        if (name.isBlank()) {
            return;
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                    || !Character.isLetterOrDigit(name.charAt(0));
            boolean wordEnd = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || !Character.isLetterOrDigit(name.charAt(name.length() - 1));
            int start = at;
            boolean inside = matches.stream().anyMatch(m -> m.start() < end && start < m.end());
            if (wordStart && wordEnd && !inside) {
                matches.add(new AliasMatch(entity, name, at, end));
            }
        }
    }

    /**
     * Whom a sentence naming no entity is about: whom the last sentence naming entities named ("The company...",
     * 同社は..., or no subject at all, refer back). After a sentence naming only other entities it is about them and
     * counts nothing for the target: otherwise a company named once in passing took the tone of every unnamed
     * sentence of an article about another (issue 19: Amazon and OpenAI, each named once in a long piece on Meta,
     * got Meta's score), since the score is a weighted mean and a small weight on many sentences still decides it.
     */
    private enum Subject {
        NONE(IN_NEUTRAL_SENTENCE), TARGET(AFTER_ENTITY_SENTENCE), SHARED(IN_NEUTRAL_SENTENCE), OTHERS(0);

        final double neutralWeight;

        Subject(double neutralWeight) {
            this.neutralWeight = neutralWeight;
        }
    }

    /** Visits every sentence that has tokens, in text order. */
    void forEachSentence(ArticleText text, SentenceVisitor visitor) {
        int m = 0;
        Subject subject = Subject.NONE; // whom the last sentence naming entities named
        sourceOnly = named && onlyAsSource(text);
        passing = inPassing(text);
        for (int s = 0; s < text.sentences.size(); s++) {
            int from = text.sentenceTokenStart(s);
            int to = text.sentenceTokenEnd(s);
            CharRange span = text.sentences.get(s);
            while (m < matches.size() && matches.get(m).start() < span.start()) {
                m++;
            }
            int firstMatch = m;
            while (m < matches.size() && matches.get(m).start() < span.end()) {
                m++;
            }
            List<AliasMatch> inSentence = matches.subList(firstMatch, m);
            if (from < to) {
                // the headline weighs more for whom it is about: not for a company it does not name beside one it does
                boolean title = text.hasTitle && s == 0 && (!named || inSentence.isEmpty()
                        || inSentence.stream().anyMatch(a -> a.entity().equals(entity)));
                double neutral = sourceOnly ? 0 : subject.neutralWeight;
                visitor.visit(new Sentence(s, from, to, inSentence, neutral, (title ? TITLE_BOOST : 1.0) * (passing ? IN_PASSING : 1.0)));
            }
            if (!inSentence.isEmpty()) {
                List<Token> tokens = text.tokens();
                boolean target = inSentence.stream().anyMatch(a -> a.entity().equals(entity) && !(from < to
                        && counterparty(tokens, tokenAt(tokens, from, to, Math.max(a.start(), a.end() - 1)), to)));
                boolean others = inSentence.stream().anyMatch(a -> !a.entity().equals(entity));
                subject = !target ? Subject.OTHERS : others ? Subject.SHARED : Subject.TARGET;
            }
        }
    }

    /**
     * Whether the target is named in passing: in a long article (at least {@value #LONG_ARTICLE_SENTENCES}
     * sentences) about another entity (named in the headline or in more sentences than the target), the target is
     * named in one body sentence only. Issue 19: in a long positive piece on Meta, Amazon and OpenAI, named once
     * together in a sentence on the AI race, took that sentence's mild tone at full weight (+0.34); a reader
     * calls them neutral unless the text says something plain about them.
     */
    private boolean inPassing(ArticleText text) {
        if (!named || text.sentences.size() < LONG_ARTICLE_SENTENCES) {
            return false;
        }
        int targetSentences = 0;
        boolean targetInTitle = false;
        Map<EntityDefinition, Integer> otherSentences = new HashMap<>();
        boolean otherInTitle = false;
        int m = 0;
        for (int s = 0; s < text.sentences.size(); s++) {
            CharRange span = text.sentences.get(s);
            boolean target = false;
            Set<EntityDefinition> others = new HashSet<>();
            while (m < matches.size() && matches.get(m).start() < span.end()) {
                AliasMatch match = matches.get(m++);
                if (match.start() < span.start()) {
                    continue;
                }
                if (isTarget(match)) {
                    target = true;
                } else {
                    others.add(match.entity());
                }
            }
            boolean title = text.hasTitle && s == 0;
            targetSentences += target ? 1 : 0;
            targetInTitle |= title && target;
            otherInTitle |= title && !others.isEmpty();
            others.forEach(e -> otherSentences.merge(e, 1, Integer::sum));
        }
        if (targetSentences != 1 || targetInTitle) {
            return false;
        }
        return otherInTitle || otherSentences.values().stream().anyMatch(n -> n > 1);
    }

    /**
     * Whether a Japanese mention names a counterparty (Xとの提携, Xとの取引: "with X"): the sentence is about what
     * someone else does with X, so it counts as another entity's, as a source does; issue 19 asks that a company
     * mentioned only as a counterparty stay neutral unless the text says something about it.
     */
    private static boolean counterparty(List<Token> tokens, int last, int to) {
        if (last + 1 >= to) {
            return false;
        }
        String next = tokens.get(last + 1).surface();
        return next.equals("との") || next.equals("と") && last + 2 < to && tokens.get(last + 2).surface().equals("の");
    }

    /**
     * Whether every mention of the target names it as the source of what is said ("said Jane Roe, economist at
     * X"): then the text is what X reports or says, not about X, and none of it counts for X (no score).
     */
    private boolean onlyAsSource(ArticleText text) {
        List<Token> tokens = text.tokens();
        for (int s = 0; s < text.sentences.size(); s++) {
            int from = text.sentenceTokenStart(s);
            int to = text.sentenceTokenEnd(s);
            CharRange span = text.sentences.get(s);
            for (AliasMatch m : matches) {
                if (isTarget(m) && m.start() >= span.start() && m.start() < span.end() && from < to
                        && !SpeakerCues.source(tokens, from, to, tokenAt(tokens, from, to, m.start()),
                                tokenAt(tokens, from, to, Math.max(m.start(), m.end() - 1)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Which clauses of a sentence name the target and which name other entities, so that each clause can be
     * weighed; {@code clauseOf} maps each token of the sentence to its clause (see {@link #clauses}).
     */
    Roles roles(List<Token> tokens, Sentence sentence, int[] clauseOf) {
        int clauseCount = clauseOf.length == 0 ? 1 : clauseOf[clauseOf.length - 1] + 1;
        Roles roles = new Roles(new boolean[clauseCount], new boolean[clauseCount], sentence.neutralWeight());
        for (AliasMatch mention : sentence.mentions()) {
            int at = tokenAt(tokens, sentence.from(), sentence.to(), mention.start());
            int clause = clauseOf[at - sentence.from()];
            int last = tokenAt(tokens, sentence.from(), sentence.to(), Math.max(mention.start(), mention.end() - 1));
            if (isTarget(mention) && !SpeakerCues.speaker(tokens, sentence.from(), sentence.to(), at, last)
                    && !counterparty(tokens, last, sentence.to())) {
                roles.target[clause] = true;
                roles.sentenceTarget = true;
            } else {
                roles.other[clause] = true;
                roles.sentenceOther = true;
            }
        }
        return roles;
    }

    /** The roles of a sentence's clauses; {@link #weight(int)} of a clause is what tone found in it counts for. */
    final class Roles {
        private final boolean[] target;
        private final boolean[] other;
        private final double neutral;
        private boolean sentenceTarget;
        private boolean sentenceOther;

        private Roles(boolean[] target, boolean[] other, double neutral) {
            this.target = target;
            this.other = other;
            this.neutral = neutral;
        }

        double weight(int clause) {
            return EntityPlacement.this.weight(target[clause], other[clause], sentenceTarget, sentenceOther, neutral);
        }

        /** Whether the sentence names both the target and another entity (then its clauses differ in weight). */
        boolean mixed() {
            return sentenceTarget && sentenceOther;
        }
    }

    /** Each token of tokens[from, to) mapped to the lexicon hit covering it, or null. */
    static Hit[] hitsByToken(List<Hit> hits, int from, int to) {
        Hit[] hitAt = new Hit[to - from];
        for (Hit h : hits) {
            for (int t = h.from(); t < h.to(); t++) {
                hitAt[t - from] = h;
            }
        }
        return hitAt;
    }

    /** Whether the entity is named in the text (not only in tags). */
    boolean named() {
        return named;
    }

    boolean isTarget(AliasMatch mention) {
        return mention.entity().equals(entity);
    }

    /**
     * Weight of a clause: whether it (and its sentence) names the target or other entities; for an entity not
     * named in the text, any clause not naming another entity counts fully.
     */
    private double weight(boolean clauseTarget, boolean clauseOther, boolean sentenceTarget, boolean sentenceOther,
                  double neutral) {
        if (sourceOnly) {
            return 0;
        }
        if (passing && !clauseTarget && (clauseOther || !sentenceTarget && sentenceOther)) {
            return 0;
        }
        return named
                ? placeWeight(clauseTarget, clauseOther, sentenceTarget, sentenceOther, neutral)
                : placeWeight(!clauseOther, clauseOther, !sentenceOther, sentenceOther, neutral);
    }

    private static double placeWeight(boolean clauseTarget, boolean clauseOther, boolean sentenceTarget,
                                      boolean sentenceOther, double neutral) {
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
    static int[] clauses(Language language, List<Token> tokens, int from, int to, Hit[] hitAt) {
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

    /**
     * The clauses of a sentence naming the target and other entities, further cut after each comma or semicolon:
     * in "X was up 2 %, Y was down 1 %, and Z fell" each company's figure sits between commas, and a clause word
     * alone does not separate them. Only for such mixed sentences: elsewhere a comma mostly cuts an apposition or
     * an adverbial from its own clause.
     */
    static int[] withListClauses(List<Token> tokens, Sentence sentence, int[] clauseOf) {
        int from = sentence.from();
        int to = sentence.to();
        boolean[] mentionStart = new boolean[to - from];
        for (AliasMatch m : sentence.mentions()) {
            mentionStart[tokenAt(tokens, from, to, m.start()) - from] = true;
        }
        int[] finer = new int[clauseOf.length];
        int clause = 0;
        int words = 0; // lower-case words of the current clause after its mention: a list item alone has none
        boolean seenMention = false;
        for (int t = from; t < to; t++) {
            int i = t - from;
            boolean cut = i > 0 && clauseOf[i] != clauseOf[i - 1];
            if (!cut && i > 0 && isListBreak(tokens.get(t - 1)) && seenMention && words >= MIN_LIST_CLAUSE_WORDS
                    && startsMention(tokens, mentionStart, from, t, to)) {
                cut = true;
            }
            if (cut) {
                clause++;
                words = 0;
                seenMention = false;
            }
            if (mentionStart[i]) {
                seenMention = true;
                words = 0;
            } else if (seenMention && isLowerCaseWord(tokens.get(t))) {
                words++;
            }
            finer[i] = clause;
        }
        return finer;
    }

    /** Lower-case words a list item needs to be a clause: "X <X.N>, Y <Y.N> and Z rose" lists names only. */
    private static final int MIN_LIST_CLAUSE_WORDS = 2;
    private static final Set<String> BEFORE_LIST_MENTION = Set.of("and", "the", "while", "whereas");

    /** Whether a mention starts at token t, or after at most two words like "and the". */
    private static boolean startsMention(List<Token> tokens, boolean[] mentionStart, int from, int t, int to) {
        for (int u = t; u < to && u < t + 3; u++) {
            if (mentionStart[u - from]) {
                return true;
            }
            if (!BEFORE_LIST_MENTION.contains(tokens.get(u).surface().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return false;
    }

    private static boolean isLowerCaseWord(Token token) {
        String surface = token.surface();
        return !token.punctuation() && !surface.isEmpty() && Character.isLowerCase(surface.charAt(0));
    }

    private static boolean isListBreak(Token token) {
        return token.punctuation() && (token.surface().equals(",") || token.surface().equals(";"));
    }

    /** Index of the token containing (or first after) a char offset, within [from, to). */
    static int tokenAt(List<Token> tokens, int from, int to, int offset) {
        int lo = from; // binary search (token ends ascend): a sentence can be the whole text
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < to ? lo : to - 1;
    }
}
