package io.newsflow.text;

import io.newsflow.text.SentimentLexicon.Hit;
import io.newsflow.text.SentimentLexicon.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpretable features a sentiment model sees in one sentence or clause (a set of names; presence
 * only). Names are readable so that a model file and an explanation can be read as they are:
 * <ul>
 *   <li>{@code sale}, {@code sale rose}: token keys (English stems, Japanese dictionary forms) and bigrams;</li>
 *   <li>{@code not:rise}: a word within {@value #NEGATION_WINDOW} tokens after an English negator;</li>
 *   <li>{@code lex:+}, {@code lex:-}, {@code lex:plunge}: lexicon hits, with the sign flipped under negation;</li>
 *   <li>{@code chg:+}, {@code chg:-}, {@code dir:up}, {@code dir:down}: a direction of change (rose, fell,
 *       narrowed, halved, "up from", 増加, ％減, 上回る, 高騰) attached to what changes: a <em>good</em> quantity
 *       (sales, profit, orders, 売上, 利益, 受注) or a <em>bad</em> one (costs, loss, debt, 費用, 損失, 原材料).
 *       A good quantity up or a bad one down is {@code chg:+} ("net loss narrowed"), the reverse {@code chg:-}
 *       ("costs rose"): one feature pools what the model learns from all quantities (training data rarely says
 *       "costs fell"). A change with no known quantity is {@code dir:up} / {@code dir:down}. English numeric
 *       comparisons ("EUR 9.4 mn, compared to EUR 7.2 mn", "from 8 to 13") emit the same features, so what the
 *       model learns from "sales rose" carries over to them.</li>
 * </ul>
 * Japanese sentences get their own words, changes and business events from {@link JapaneseFeatures} (content
 * words only, no particles), then the lexicon features.
 * Each feature also records where it came from ({@link #located}): the character range of the analysed text
 * covering the tokens of its first occurrence (a bigram's two words, a change's quantity and direction, a
 * negated word with its negator), so that what decided a score can be shown as words of the text
 * ({@link EvidenceSpans}). The mechanism is the same for every language. Stateless and thread-safe.
 */
final class SentimentFeatures {

    static final int NEGATION_WINDOW = 3;
    /** A good quantity up or a bad one down; what every direction feature shares, so it learns from all of them. */
    static final String CHANGE_FOR_BETTER = "chg:+";
    static final String CHANGE_FOR_WORSE = "chg:-";
    /** Good news, bad news, a fact or schedule ({@link FinanceCues}): pooled like the changes, and as strong. */
    static final Set<String> POOLED_EVENTS = Set.of("evt:+", "evt:-", "fact");
    private static final int EN_TOPIC_WINDOW = 6;
    /** How far back a change measured by a figure ("40 % higher") looks for its quantity. */
    private static final int MEASURED_TOPIC_WINDOW = 12;

    private static final Set<String> EN_UP = stems("rise rose risen rising increase increased grow grew grown gain "
            + "gained jump climb surge soar improve up higher expand widen widened rebound recover double doubled boost "
            + "raise raised exceed top outperform strengthen accelerate hike climbed appreciate appreciated deepen deepened "
            + "triple tripled quadruple quadrupled lifted");
    private static final Set<String> EN_DOWN = stems("fall fell fallen decrease decreased decline drop dropped dip "
            + "lower down plunge slump shrink shrank narrow narrowed cut reduce reduced halve halved slide slid tumble "
            + "sink sank contract ease eased weaken slow slowed lose lost slash slashed shed slip slipped deteriorate "
            + "deteriorated worsen worsened collapse collapsed erode eroded eroding erodes");
    /** A transitive direction: what it erodes comes after it ("inflation is eroding the margins"). */
    private static final String ERODE = EnglishTokenizer.stem("erode");
    /** "Contract" is a direction only as a verb ("the market contracted"), not as the noun of most press text. */
    private static final String CONTRACT = EnglishTokenizer.stem("contract");
    private static final String UP = EnglishTokenizer.stem("up");
    private static final String RETURN = EnglishTokenizer.stem("return");
    private static final String ABOVE = EnglishTokenizer.stem("above");
    private static final String BELOW = EnglishTokenizer.stem("below");
    /** What a level is compared with: "below the level of", "above the group average", "below last year". */
    private static final Set<String> BENCHMARKS = stems("level levels average year period previous last "
            + "corresponding comparison");
    /** "Lifted" is a direction as a verb only: "lifts" and "lifting equipment" are what a company may make. */
    private static final String LIFT = EnglishTokenizer.stem("lifted");
    /** A level named as good or bad after a copula: "cash flow was negative", "the result remained positive". */
    private static final Set<String> EN_STATE_UP = stems("positive strong solid robust healthy good buoyant");
    private static final Set<String> EN_STATE_DOWN = stems("negative weak soft sluggish poor subdued muted");
    /**
     * A comparison written as a comparative right before "than" ("order intake was weaker than a year earlier",
     * "losses were smaller than expected"): a level up or down, like a change. Matched as written.
     */
    private static final Set<String> COMPARATIVES_UP = Set.of("stronger", "better", "larger", "bigger", "greater");
    private static final Set<String> COMPARATIVES_DOWN = Set.of("weaker", "worse", "smaller", "softer", "poorer");
    private static final String THAN = "than";
    /**
     * A level not reached ("operating profit did not reach the level of the previous year", "failed to match
     * its target"): a level down. Reached, it says no direction.
     */
    private static final Set<String> REACH = stems("reach reached reaches match matched matches achieve achieved "
            + "achieves");
    private static final Set<String> REACH_BENCHMARKS = stems("level levels average year period previous last "
            + "corresponding comparison target targets goal goals expectations forecast guidance");
    private static final Set<String> FAIL = stems("fail failed fails");
    /** Changes written as nouns; "growth" is a direction only so ("growth of 9 %"), else a quantity. */
    private static final Set<String> NOMINAL_CHANGES = stems("growth increase rise decline decrease drop fall gain "
            + "improvement deterioration");
    private static final String GROWTH = EnglishTokenizer.stem("growth");
    private static final Set<String> GOALS = stems("target targets targeted targeting aim aims aiming goal goals "
            + "objective objectives ambition");
    private static final Set<String> MAGNITUDES = stems("mn bn m bln mln million billion percent per cent pct");
    /**
     * Prices the company pays ("raw material prices increased", "higher energy prices"): a cost, so a bad
     * quantity; prices alone are the company's own (or a market's) and no quantity.
     */
    private static final Set<String> PRICES = stems("price prices");
    private static final Set<String> INPUTS = stems("material materials input energy fuel commodity component "
            + "components feed purchase electricity");
    private static final Set<String> COPULAS = Set.of("was", "were", "is", "are", "remained", "remains", "stayed",
            "been", "remain", "stay", "stays");
    private static final Set<String> TAKE = stems("take takes took taken taking");
    /** "Demand dried up", "cash dries up": a fall, not a rise ("up" is its particle). */
    private static final Set<String> DRY = stems("dry dries dried drying");
    /** A loss whose change is news of its own sign, whatever else the sentence says ("the net loss narrowed"). */
    private static final Set<String> EN_LOSS = stems("loss losses deficit");
    /** Directions of a loss that say plainly how it moved ("recovered losses" of a share price does not). */
    private static final Set<String> EN_LOSS_DIRECTIONS = stems("narrow narrowed shrink shrank decrease decreased "
            + "decline fall fell drop dropped halve halved reduce reduced widen widened increase increased grow grew "
            + "rise rose double doubled deepen deepened");
    private static final Set<String> EN_GOOD = stems("sales sale revenue revenues turnover profit profits "
            + "profitability earnings income ebit ebitda eps margin margins order orders backlog demand bookings "
            + "dividend shipments volume volumes deliveries output production growth shares share stock passengers "
            + "passenger traffic occupancy subscribers capacity position customer customers client clients return "
            + "guidance outlook forecast result results performance value rating target cash");
    private static final Set<String> EN_BAD = stems("cost costs expense expenses loss losses debt deficit impairment "
            + "writedown writedowns charge charges provision provisions layoffs unemployment liabilities "
            + "inflation risk claims defaults delinquencies capex expenditure expenditures spending churn");
    /**
     * Quantities only as the subject of a change, before its word ("customer numbers increased", "clients grew by
     * 4,000"): after it they are whom the change concerns ("cut power to 150,000 customers").
     */
    private static final Set<String> SUBJECT_ONLY = stems("customer customers client clients");
    /** After "share": "share capital", "share issue" are amounts whose change is no news for better or worse. */
    private static final Set<String> NOT_A_QUANTITY_AFTER = stems("capital issue issues count");
    /**
     * The company's own figures (not its share price, a market, a rating or a forecast): a change of one of them
     * is news for the company in press text ({@link #METRIC_CHANGE}).
     */
    private static final Set<String> EN_METRIC = stems("sales sale revenue revenues turnover profit profits "
            + "profitability earnings income ebit ebitda eps margin margins order orders backlog bookings dividend "
            + "shipments volume volumes deliveries output production cash passengers passenger traffic occupancy "
            + "subscribers capacity return result results cost costs expense expenses loss losses debt impairment "
            + "writedown writedowns charge charges provision provisions");
    /** A change of one of the company's own figures ("costs fell by 9 %", "the margin widened to 14 %"). */
    static final String METRIC_CHANGE = "chg:metric";
    private static final Set<String> EN_NEGATORS = Set.of("not", EnglishTokenizer.NOT, "no", "never", "without", "nor");
    private static final Set<String> EN_EXPECT = stems("expect expects anticipate anticipates foresee see sees "
            + "believe believes");
    private static final Set<String> EN_CLAUSE = stems("but while whereas although though however");

    /** A minus sign written before a figure ("EUR -0.12"), not the dash of a range ("2026-2028"). */
    private static final String SIGNED = "(?:(?<=[\\s(])[-\u2212])?";
    /** "13.1 ... from 8.7" / "9.4 ... compared to 7.2": new value first, then old. */
    private static final Pattern NEW_THEN_OLD = Pattern.compile(
            "(" + SIGNED + "\\d[\\d,]*(?:\\.\\d+)?)(?:[^\\d;]|\\b(?:19|20)\\d\\d\\b){0,40}?\\b(?:from|compared "
                    + "(?:to|with)|versus|vs\\.?|against)\\s+(?:[A-Za-z$€£¥]+\\s*){0,5}?(" + SIGNED
                    + "\\d[\\d,]*(?:\\.\\d+)?)");
    /**
     * "a loss of 3.2, compared with a profit of 1.0" / "a profit of 5, against a loss of 2": a change of sign,
     * new first.
     */
    private static final Pattern SIGN_CHANGE = Pattern.compile(
            "(?i)\\b(loss(?:es)?|profits?)\\b[^;]{0,60}?\\b(?:compared (?:to|with)|versus|vs\\.?|against|after|from)"
                    + "\\s+(?:an?\\s+)?(?:[A-Za-z-]+\\s+){0,2}?(loss(?:es)?|profits?)\\b");
    /** "from 8.7 ... to 13.1": old value first, then new. */
    private static final Pattern FROM_TO = Pattern.compile(
            "\\bfrom\\s+(?:[A-Za-z$€£¥]+\\s*){0,3}?(" + SIGNED + "\\d[\\d,]*(?:\\.\\d+)?)[^\\d;]{0,15}?\\bto\\s+"
                    + "(?:[A-Za-z$€£¥]+\\s*){0,3}?(" + SIGNED + "\\d[\\d,]*(?:\\.\\d+)?)");

    private final SentimentLexicon lexicon;
    private final JapaneseFeatures japanese;

    SentimentFeatures(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
        this.japanese = lexicon.language() == Language.JA ? new JapaneseFeatures(FinanceCues.japanese()) : null;
    }

    SentimentLexicon lexicon() {
        return lexicon;
    }

    /** Features of tokens[from, to) of text (the tokens' offsets point into text). */
    Set<String> of(String text, List<Token> tokens, int from, int to) {
        return located(text, tokens, from, to).keySet();
    }

    /**
     * Features of tokens[from, to) of text, in order of first occurrence, each with the character range of text
     * its first occurrence came from.
     */
    Map<String, CharRange> located(String text, List<Token> tokens, int from, int to) {
        return located(text, tokens, from, to, new LinkedHashMap<>());
    }

    /**
     * {@link #located(String, List, int, int)} into the given map, which a model's {@link ScoringFeatures} gives to
     * leave out the character n-grams it has no weight for.
     */
    <M extends Map<String, CharRange>> M located(String text, List<Token> tokens, int from, int to, M features) {
        boolean ja = lexicon.language() == Language.JA;
        // Tokens of a change attached to what changes ("costs" + "rose"): their lexicon tone ("rose" +, "loss" -)
        // says nothing of the sentence's, so only the direction features speak for them.
        boolean[] attached = new boolean[to - from];
        if (ja) {
            japanese.add(text, tokens, from, to, features, attached);
            lexiconFeatures(tokens, from, to, features, attached);
            return features;
        }
        englishDirections(tokens, from, to, features, attached);
        EnglishFinanceCues.addTo(tokens, from, to, features, attached);
        if (from < to) {
            int base = tokens.get(from).start();
            numericComparisons(text.substring(base, tokens.get(to - 1).end()), base, features);
            attachSignChanges(text.substring(base, tokens.get(to - 1).end()), base, tokens, from, to, attached);
        }
        int previous = -1;
        int negator = -1;
        int negatedUntil = -1;
        for (int t = from; t < to; t++) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                previous = -1;
                negatedUntil = -1;
                continue;
            }
            String key = keyOf(token);
            if (key == null) {
                continue;
            }
            boolean function = FunctionWords.isFunctionWord(token);
            if (!function) {
                add(features, key, token, token);
            }
            if (previous >= 0 && !(function && FunctionWords.isFunctionWord(tokens.get(previous)))) {
                add(features, keyOf(tokens.get(previous)) + " " + key, tokens.get(previous), token);
            }
            if (t <= negatedUntil) {
                add(features, "not:" + key, tokens.get(negator), token);
            }
            if (EN_NEGATORS.contains(key)) {
                negatedUntil = t + NEGATION_WINDOW;
                negator = t;
            }
            previous = t;
        }
        lexiconFeatures(tokens, from, to, features, attached);
        return features;
    }

    /** Adds a feature at its first occurrence, spanning the tokens first..last. */
    private static void add(Map<String, CharRange> features, String name, Token first, Token last) {
        add(features, name, Math.min(first.start(), last.start()), Math.max(first.end(), last.end()));
    }

    private static void add(Map<String, CharRange> features, String name, int start, int end) {
        features.putIfAbsent(name, new CharRange(start, end));
    }

    /**
     * Numbers fold to one key (and years to another), so that figures do not each become a feature; null for
     * a symbol that would start a comment or header line of a model file.
     */
    private static String keyOf(Token token) {
        String key = token.key();
        char c = key.charAt(0);
        if (c == '#' || c == '@') {
            return null;
        }
        if (c >= '0' && c <= '9') {
            return key.length() == 4 && (key.startsWith("19") || key.startsWith("20")) ? "<year>" : "<num>";
        }
        return key;
    }

    private void lexiconFeatures(List<Token> tokens, int from, int to, Map<String, CharRange> features,
                                 boolean[] attached) {
        List<Hit> hits = lexicon.find(tokens, from, to);
        for (int h = 0; h < hits.size(); h++) {
            Hit hit = hits.get(h);
            if (hit.entry().kind() != Kind.POLAR || hit.entry().weight() == 0 || anyAttached(hit, from, attached)) {
                continue;
            }
            Hit negator = negatorOf(hits, h, tokens);
            boolean negated = negator != null;
            boolean positive = hit.entry().weight() > 0 ^ negated;
            Token first = tokens.get(negated ? Math.min(hit.from(), negator.from()) : hit.from());
            Token last = tokens.get(negated ? Math.max(hit.to(), negator.to()) - 1 : hit.to() - 1);
            add(features, positive ? "lex:+" : "lex:-", first, last);
            add(features, "lex:" + (negated ? "not " : "") + hit.entry().term(), first, last);
        }
    }

    private static boolean anyAttached(Hit hit, int from, boolean[] attached) {
        for (int t = hit.from(); t < hit.to(); t++) {
            if (attached[t - from]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The negator of a hit: an English one up to 3 tokens before, or a Japanese one up to 5 after, with no
     * punctuation between; null if none.
     */
    private static Hit negatorOf(List<Hit> hits, int h, List<Token> tokens) {
        Hit hit = hits.get(h);
        // hits are in order and each covers a token at least: only the few hits around h can be within a window
        for (int o = Math.max(0, h - NEGATION_WINDOW - 1); o < Math.min(hits.size(), h + 6); o++) {
            Hit other = hits.get(o);
            if (other.entry().kind() != Kind.NEGATOR) {
                continue;
            }
            int distance = other.from() < hit.from() ? hit.from() - other.to() : other.from() - hit.to();
            boolean before = other.from() < hit.from();
            int window = before ? NEGATION_WINDOW : 5;
            if (distance >= 0 && distance < window && !punctuationBetween(tokens,
                    Math.min(hit.to(), other.to()), Math.max(hit.from(), other.from()))) {
                return other;
            }
        }
        return null;
    }

    private static boolean punctuationBetween(List<Token> tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            if (tokens.get(t).punctuation()) {
                return true;
            }
        }
        return false;
    }

    private static void englishDirections(List<Token> tokens, int from, int to, Map<String, CharRange> features,
                                          boolean[] attached) {
        for (int t = from; t < to; t++) {
            String key = tokens.get(t).key();
            String surface = t + 1 < to && tokens.get(t + 1).key().equals(THAN)
                    ? tokens.get(t).surface().toLowerCase(java.util.Locale.ROOT) : "";
            boolean comparative = COMPARATIVES_UP.contains(surface) || COMPARATIVES_DOWN.contains(surface);
            boolean shortfall = REACH.contains(key) && notReached(tokens, from, to, t);
            boolean driesUp = DRY.contains(key) && t + 1 < to && tokens.get(t + 1).key().equals(UP);
            boolean state = isState(tokens, from, t) || againstBenchmark(tokens, to, t) || comparative || shortfall
                    || driesUp;
            boolean nominal = NOMINAL_CHANGES.contains(key) && nominalMeasured(tokens, from, to, t);
            boolean up = !shortfall && (EN_UP.contains(key) || nominal && key.equals(GROWTH) || state && (EN_STATE_UP.contains(key)
                    || key.equals(ABOVE) || COMPARATIVES_UP.contains(surface)));
            if (!up && !EN_DOWN.contains(key) && !state && !nominal || key.equals(CONTRACT) && !isVerbForm(tokens.get(t))
                    || key.equals(LIFT) && !tokens.get(t).surface().toLowerCase(java.util.Locale.ROOT).endsWith("ed")
                    || key.equals(UP) && !upIsAChange(tokens, from, to, t)) {
                continue;
            }
            if (!shortfall && negatedBefore(tokens, from, t)) {
                up = !up;
            }
            int topic = ERODE.equals(key) ? nearestTopic(tokens, from, to, t, 0, EN_TOPIC_WINDOW, EN_GOOD, EN_BAD,
                    EN_CLAUSE) : -1;
            if (topic < 0) {
                topic = nearestTopic(tokens, from, to, t, EN_TOPIC_WINDOW, EN_TOPIC_WINDOW, EN_GOOD, EN_BAD, EN_CLAUSE);
            }
            if (topic < 0 && (measured(tokens, from, t) || nominal)) {
                // "operating profit was EUR 22 mn, 40 % higher than ...": a measured change is of the clause's quantity
                topic = nearestTopic(tokens, from, to, t, MEASURED_TOPIC_WINDOW, 0, EN_GOOD, EN_BAD, EN_CLAUSE);
            }
            String topicKey = topic < 0 ? null : tokens.get(topic).key();
            if (topic > t && SUBJECT_ONLY.contains(topicKey)) {
                topic = -1; // "cut power to 150,000 customers": the customers are no quantity that changes
                topicKey = null;
            }
            if (topic >= 0 && topic + 1 < to && NOT_A_QUANTITY_AFTER.contains(tokens.get(topic + 1).key())) {
                topic = -1; // "share capital", "share issue": their size says nothing good or bad
                topicKey = null;
            }
            boolean good = topicKey != null && EN_GOOD.contains(topicKey)
                    && !(topic > from && EN_BAD.contains(tokens.get(topic - 1).key())); // "capex guidance"
            addDirection(topicKey, up, good, features, tokens.get(t), tokens.get(topic < 0 ? t : topic));
            if (topicKey != null && EN_METRIC.contains(topicKey)) {
                add(features, METRIC_CHANGE, tokens.get(t), tokens.get(topic));
            }
            if (topicKey != null && EN_LOSS.contains(topicKey) && EN_LOSS_DIRECTIONS.contains(key)) {
                Token first = tokens.get(Math.min(t, topic));
                Token last = tokens.get(Math.max(t, topic));
                add(features, up ? EnglishFinanceCues.CLEAR_WORSE : EnglishFinanceCues.CLEAR_BETTER, first, last);
            }
            attach(attached, from, t, topic);
        }
    }

    /**
     * "Up" is a bound in "up to 500,000 shares" and a particle in "take up the position", not a change ("sales
     * were up 4 %").
     */
    private static boolean upIsAChange(List<Token> tokens, int from, int to, int t) {
        return !(t + 1 < to && tokens.get(t + 1).key().equals("to")
                || t > from && (TAKE.contains(tokens.get(t - 1).key()) || DRY.contains(tokens.get(t - 1).key())));
    }

    /** "Positive" or "negative" right after a copula: "cash flow was negative" is a level below zero. */
    private static boolean isState(List<Token> tokens, int from, int t) {
        String key = tokens.get(t).key();
        return (EN_STATE_UP.contains(key) || EN_STATE_DOWN.contains(key)) && t > from
                && COPULAS.contains(tokens.get(t - 1).surface().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * "Above" or "below" a level of comparison up to 4 words after ("order intake was below the level of the
     * corresponding period", "the margin is above the group average"): a level up or down, like a change.
     */
    private static boolean againstBenchmark(List<Token> tokens, int to, int t) {
        String key = tokens.get(t).key();
        if (!key.equals(ABOVE) && !key.equals(BELOW)) {
            return false;
        }
        for (int d = 1; d <= 4 && t + d < to && !tokens.get(t + d).punctuation(); d++) {
            if (BENCHMARKS.contains(tokens.get(t + d).key())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A change written as a noun with its figure ("a decline of 15 %", "representing growth of 9 %", "an increase
     * of EUR 4 mn"): measured, so of the clause's quantity.
     */
    private static boolean nominalMeasured(List<Token> tokens, int from, int to, int t) {
        for (int d = 1; d <= 3 && t - d >= from; d++) {
            if (GOALS.contains(tokens.get(t - d).key())) {
                return false; // "targets annual growth of 5 %": a goal, not a change
            }
        }
        int next = t + 1;
        if (next >= to || !tokens.get(next).key().equals("of")) {
            return false;
        }
        next++;
        if (next < to && tokens.get(next).surface().length() == 3
                && tokens.get(next).surface().chars().allMatch(Character::isUpperCase)) {
            next++; // a currency code
        }
        return next < to && Character.isDigit(tokens.get(next).key().charAt(0));
    }

    /** A direction right after a figure ("40 % higher", "EUR 3 mn lower"; "%" is no token). */
    private static boolean measured(List<Token> tokens, int from, int t) {
        for (int d = 1; d <= 2 && t - d >= from; d++) {
            String key = tokens.get(t - d).key();
            if (Character.isDigit(key.charAt(0))) {
                return true;
            }
            if (!MAGNITUDES.contains(key)) {
                return false;
            }
        }
        return false;
    }

    /**
     * "Did not reach the level of the previous year", "failed to match its target": a level of comparison up to 4
     * words after a negated (or failed) verb of reaching.
     */
    private static boolean notReached(List<Token> tokens, int from, int to, int t) {
        boolean failed = t - 2 >= from && FAIL.contains(tokens.get(t - 2).key()) && tokens.get(t - 1).key().equals("to");
        if (!failed && !negatedBefore(tokens, from, t)) {
            return false;
        }
        for (int d = 1; d <= 4 && t + d < to && !tokens.get(t + d).punctuation(); d++) {
            if (REACH_BENCHMARKS.contains(tokens.get(t + d).key())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerbForm(Token token) {
        String surface = token.surface().toLowerCase(java.util.Locale.ROOT);
        return surface.endsWith("ed") || surface.endsWith("ing");
    }

    /**
     * A negator up to 3 tokens before, or a negated expectation whose object the change is ("does not expect
     * profitability to improve", "no longer anticipates sales to grow"), up to 6 tokens before.
     */
    private static boolean negatedBefore(List<Token> tokens, int from, int t) {
        for (int d = 1; d <= EN_TOPIC_WINDOW && t - d >= from; d++) {
            Token token = tokens.get(t - d);
            if (token.punctuation()) {
                break;
            }
            if (EN_EXPECT.contains(token.key()) && negatedBefore(tokens, from, t - d)) {
                return true;
            }
        }
        for (int d = 1; d <= NEGATION_WINDOW && t - d >= from; d++) {
            Token token = tokens.get(t - d);
            if (token.punctuation()) {
                return false;
            }
            if (EN_NEGATORS.contains(token.key())) {
                return true;
            }
        }
        return false;
    }

    private static void attach(boolean[] attached, int from, int direction, int topic) {
        if (topic >= 0) {
            attached[direction - from] = true;
            attached[topic - from] = true;
        }
    }

    /**
     * Index of the closest good or bad quantity, preferring the one before the direction word at equal distance;
     * -1 if none.
     */
    private static int nearestTopic(List<Token> tokens, int from, int to, int t, int before, int after,
                                       Set<String> good, Set<String> bad, Set<String> clauseWords) {
        for (int d = 1; d <= Math.max(before, after); d++) {
            if (d <= before && t - d >= from) {
                String key = tokens.get(t - d).key();
                if (clauseWords.contains(key)) {
                    before = 0;
                } else if (isQuantity(tokens, t - d, to, good, bad)) {
                    return t - d;
                }
            }
            if (d <= after && t + d < to) {
                String key = tokens.get(t + d).key();
                if (clauseWords.contains(key)) {
                    after = 0;
                } else if (isQuantity(tokens, t + d, to, good, bad)) {
                    return t + d;
                }
            }
        }
        return -1;
    }

    /** A change without a known quantity is {@code dir:up} / {@code dir:down}; with one, {@code chg:+} or {@code chg:-}. */
    private static void addDirection(String topic, boolean up, boolean good, Map<String, CharRange> features,
                                     Token direction, Token quantity) {
        addDirection(topic, up, good, features, Math.min(direction.start(), quantity.start()),
                Math.max(direction.end(), quantity.end()));
    }

    private static void addDirection(String topic, boolean up, boolean good, Map<String, CharRange> features,
                                     int start, int end) {
        String way = up ? "up" : "down";
        if (topic == null) {
            add(features, "dir:" + way, start, end);
        } else {
            add(features, good == up ? CHANGE_FOR_BETTER : CHANGE_FOR_WORSE, start, end);
        }
    }

    /** Numeric comparisons of text[base, base + sentence.length()); ranges are offsets of the whole text. */
    private static void numericComparisons(String sentence, int base, Map<String, CharRange> features) {
        compare(NEW_THEN_OLD.matcher(sentence), 1, 2, sentence, base, features);
        compare(FROM_TO.matcher(sentence), 2, 1, sentence, base, features);
        Matcher m = SIGN_CHANGE.matcher(sentence);
        while (m.find()) {
            if (isLoss(m.group(1)) != isLoss(m.group(2))) {
                add(features, isLoss(m.group(1)) ? CHANGE_FOR_WORSE : CHANGE_FOR_BETTER, base + m.start(),
                        base + m.end());
                add(features, isLoss(m.group(1)) ? EnglishFinanceCues.CLEAR_WORSE : EnglishFinanceCues.CLEAR_BETTER,
                        base + m.start(), base + m.end());
            }
        }
    }

    /**
     * The loss and profit words of a change of sign ("a profit of 1.2 after a loss of 2.5") are attached to it:
     * their lexicon tone ("loss" -) says nothing of the sentence's, the change says it.
     */
    private static void attachSignChanges(String sentence, int base, List<Token> tokens, int from, int to,
                                          boolean[] attached) {
        Matcher m = SIGN_CHANGE.matcher(sentence);
        while (m.find()) {
            if (isLoss(m.group(1)) == isLoss(m.group(2))) {
                continue;
            }
            for (int g = 1; g <= 2; g++) {
                int start = base + m.start(g);
                for (int t = from; t < to; t++) {
                    if (tokens.get(t).start() == start) {
                        attached[t - from] = true;
                    }
                }
            }
        }
    }

    private static boolean isLoss(String word) {
        return Character.toLowerCase(word.charAt(0)) == 'l';
    }

    /** Whether a loss is compared with a profit (or the reverse) in text. */
    private static boolean signChangeIn(String text) {
        Matcher m = SIGN_CHANGE.matcher(text);
        while (m.find()) {
            if (isLoss(m.group(1)) != isLoss(m.group(2))) {
                return true;
            }
        }
        return false;
    }

    private static void compare(Matcher m, int newGroup, int oldGroup, String sentence, int base,
                                Map<String, CharRange> features) {
        while (m.find()) {
            double now = number(m.group(newGroup));
            double then = number(m.group(oldGroup));
            if (Double.isNaN(now) || Double.isNaN(then) || now == then || isYear(m.group(newGroup))
                    || isYear(m.group(oldGroup))
                    || percent(sentence, m.end(newGroup)) != percent(sentence, m.end(oldGroup))) {
                continue; // "rose 5 % from EUR 9 mn": a rate against a level is no comparison
            }
            if (signChangeIn(sentence.substring(Math.max(0, m.start() - 60), m.end()))) {
                continue; // "a profit of 1 against a loss of 3" is a change of sign, not a smaller profit
            }
            boolean up = now > then;
            String topic = topicBefore(sentence, m.start());
            addDirection(topic, up, topic != null && EN_GOOD.contains(topic), features, base + m.start(),
                    base + m.end());
            if (topic != null && EN_METRIC.contains(topic)) {
                add(features, METRIC_CHANGE, base + m.start(), base + m.end());
            }
            if (topic != null && EN_LOSS.contains(topic)) {
                add(features, up ? EnglishFinanceCues.CLEAR_WORSE : EnglishFinanceCues.CLEAR_BETTER, base + m.start(),
                        base + m.end());
            }
        }
    }

    /** The last good or bad quantity named before a comparison in the sentence. */
    private static String topicBefore(String sentence, int end) {
        String topic = null;
        List<Token> tokens = new EnglishTokenizer().tokenize(sentence, 0, end);
        for (int i = 0; i < tokens.size(); i++) {
            if (isQuantity(tokens, i, tokens.size(), EN_GOOD, EN_BAD)) {
                topic = tokens.get(i).key();
            }
        }
        return topic;
    }

    /**
     * A good or bad quantity at tokens[i]; "return" only as a return on something ("return on equity"), not as a
     * verb ("returned to growth").
     */
    private static boolean isQuantity(List<Token> tokens, int i, int to, Set<String> good, Set<String> bad) {
        String key = tokens.get(i).key();
        if (key.equals(RETURN)) {
            return i + 1 < to && tokens.get(i + 1).key().equals("on");
        }
        if (PRICES.contains(key)) {
            return i > 0 && INPUTS.contains(tokens.get(i - 1).key());
        }
        return good.contains(key) || bad.contains(key);
    }

    /** Whether the figure ending at {@code end} is a percentage ("14.8 %", "12%"). */
    private static boolean percent(String sentence, int end) {
        int i = end;
        while (i < sentence.length() && sentence.charAt(i) == ' ') {
            i++;
        }
        return i < sentence.length() && sentence.charAt(i) == '%';
    }

    private static boolean isYear(String number) {
        return number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.replace(",", "").replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        Arrays.stream(words.split(" ")).map(EnglishTokenizer::stem).forEach(stems::add);
        return Set.copyOf(stems);
    }

    /** Features of a stand-alone sentence (NFKC-normalised and tokenized here). */
    List<String> ofSentence(String sentence) {
        String normalized = ArticleText.normalize(sentence);
        List<Token> tokens = tokenize(normalized);
        return new ArrayList<>(of(normalized, tokens, 0, tokens.size()));
    }

    /** Tokens of normalised text with the tokenizer of the lexicon's language. */
    List<Token> tokenize(String normalized) {
        return lexicon.language() == Language.JA
                ? new KuromojiTokenizer().tokenize(normalized)
                : new EnglishTokenizer().tokenize(normalized);
    }
}
