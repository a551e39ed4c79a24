package io.newsflow.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Japanese part of {@link SentimentFeatures}: what a Japanese sentence says, without its grammar.
 * <ul>
 *   <li>Content words only ({@code 停止}, {@code 工場}): nouns, verbs, adjectives and adverbs by their dictionary
 *       form. Particles, auxiliaries, light verbs (する, ある, いる, なる), numbers, symbols and proper nouns are
 *       left out, so that a score never rests on は, を or だ (which every sentence has, and a long text has many of)
 *       nor on a company's name.</li>
 *   <li>{@code 操業 停止}: two content words in a row, with at most one particle between (操業を停止).</li>
 *   <li>{@code not:増加}: a content word negated by the auxiliary ない/ず/ぬ/ん after it (増加しなかった), instead
 *       of the plain word.</li>
 *   <li>{@code 見込める+ない}, {@code 良い+なる}, {@code 見込める+ない+状況}: a content word with the grammar next to
 *       it, and any three tokens in a row holding a content word: what the grammar does to the word (negates it,
 *       makes it a becoming or a wish). Grammar never makes a feature alone.</li>
 *   <li>A clause of background ending in なか、 or 中、 (不透明な状況が続くなか、…) gives no word features: the
 *       clause after it is what the sentence reports.</li>
 *   <li>{@code chg:+}, {@code chg:-}, {@code dir:up}, {@code dir:down}: a direction of change attached to what
 *       changes (売上高は12%増, 原材料価格の高騰), as in the English features; negation flips it.</li>
 *   <li>{@code evt:+}, {@code evt:-}, {@code fact} and the cue's own name ({@code evt:操業~停止}): a business event or an
 *       announcement from {@link FinanceCues} (格下げ, 工場を閉鎖, 決算を発表する).</li>
 * </ul>
 * Each feature comes with the characters of its first occurrence (the words of a bigram with the particle between,
 * 操業を停止; a negated word through its negator, 減少しなかった; a change from its quantity to its direction,
 * 売上高は12%増), which is what {@link EvidenceSpans} shows. Tokens of a change or an event are marked as attached,
 * so that the lexicon does not count them a second time. Stateless and thread-safe.
 */
final class JapaneseFeatures {

    private static final int TOPIC_BEFORE = 12;
    private static final int TOPIC_AFTER = 2;

    static final Set<String> UP = Set.of("増加", "増", "増収", "増益", "上昇", "改善", "回復", "上回る",
            "伸びる", "伸長", "拡大", "好調", "堅調", "高騰", "急騰", "向上", "好転", "黒字", "上向く", "増大", "押し上げる",
            "増やす", "反発", "続伸", "値上がり", "好感", "増える", "上がる", "膨らむ", "拡がる", "広がる");
    static final Set<String> DOWN = Set.of("減少", "減", "減収", "減益", "低下", "悪化", "下回る", "縮小",
            "低迷", "落ち込む", "減速", "下落", "急落", "赤字", "鈍化", "伸び悩む", "落ち込み", "押し下げる", "減退",
            "減らす", "下げる", "反落", "続落", "値下がり", "嫌気", "減る", "下がる", "縮む");
    static final Set<String> GOOD = Set.of("売上", "売上高", "利益", "収益", "受注", "需要", "販売",
            "業績", "収入", "出荷", "生産", "売上収益", "客数", "稼働", "業容", "株", "株価", "純益", "益");
    /** Words that name what changes and how at once: 増収 (sales up), 減益 (profit down), 黒字, 赤字. */
    private static final Set<String> SELF_DIRECTED = Set.of("増収", "増益", "減収", "減益", "黒字", "赤字", "好感", "嫌気");
    /**
     * How the market took something (設備投資の拡大を嫌気, 決算を好感): the verdict is the reception, whatever the
     * direction of what it took, so a change it governs in the same clause gives no feature of its own.
     */
    private static final Set<String> RECEPTION = Set.of("好感", "嫌気");
    static final Set<String> BAD = Set.of("費用", "コスト", "損失", "原材料", "原価", "人件費", "負担",
            "減損", "償却", "燃料", "原油", "経費", "販管費", "損", "負債", "借入金", "債務", "費", "人件");
    /** The particles that mark a subject or topic. */
    static final Set<String> SUBJECT = Set.of("は", "が", "も");
    private static final Set<String> NEGATORS = Set.of("ない", "ず", "ぬ", "ん");
    /** Verbs that carry grammar, not meaning: their tone is the noun's before them (停止する, 減少している). */
    private static final Set<String> LIGHT = Set.of("する", "ある", "いる", "なる", "おる", "いう", "れる", "られる",
            "せる", "させる", "できる", "よる", "ござる", "くる", "いく", "みる");

    private final FinanceCues cues;

    JapaneseFeatures(FinanceCues cues) {
        this.cues = cues;
    }

    /** Adds the features of tokens[from, to) and marks the tokens of changes and events in attached. */
    void add(String text, List<Token> tokens, int from, int to, Map<String, CharRange> features, boolean[] attached) {
        markBackground(tokens, from, to, attached);
        boolean[] changed = new boolean[to - from];
        directions(tokens, from, to, features, attached, changed);
        for (FinanceCues.Match match : cues.find(tokens, from, to)) {
            String sign = match.sign() > 0 ? "evt:+" : match.sign() < 0 ? "evt:-" : "fact";
            int last = match.negated() ? negator(tokens, match.to() - 1, to) : match.to() - 1;
            CharRange range = new CharRange(tokens.get(match.from()).start(), tokens.get(last).end());
            features.putIfAbsent(sign, range);
            features.putIfAbsent(match.sign() == 0 ? "fact:" + match.cue().name() : "evt:" + match.cue().name()
                    + (match.negated() ? ":not" : ""), range);
            for (int t = match.from(); t < match.to(); t++) {
                attached[t - from] = true;
            }
        }
        String previous = null;
        int previousStart = -1;
        int sincePrevious = 0;
        for (int t = from; t < to; t++) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                previous = null;
                continue;
            }
            if (!content(token) || changed[t - from] || background(tokens, t, to)) {
                sincePrevious++;
                continue;
            }
            int negator = negator(tokens, t, to);
            String key = negator >= 0 ? "not:" + token.key() : token.key();
            int end = tokens.get(negator >= 0 ? negator : t).end();
            features.putIfAbsent(key, new CharRange(token.start(), end));
            if (previous != null && sincePrevious <= 1) {
                features.putIfAbsent(previous + " " + key, new CharRange(previousStart, end));
            }
            previous = key;
            previousStart = token.start();
            sincePrevious = 0;
        }
        withGrammar(tokens, from, to, features, attached);
        JapaneseCharacterGrams.add(text, tokens, from, to, features, attached);
    }

    /**
     * {@code 見込める+ない}, {@code 良い+なる}, {@code が+減少}: a word of meaning with the particle, auxiliary or light
     * verb right next to it; and three words in a row of which one at least has meaning ({@code 見込める+ない+状況}). The grammar says what happens to the word (it is negated, becomes, is wished for, is
     * the subject), which in the economic comments decides much of the tone (見込めない, 良くなる, 変わらない) and
     * which the bare words lose. Grammar never makes a feature alone: each of these holds one word of meaning, so
     * the evidence it gives is that word with its grammar (見込めない). The words of a change or an event (売上高 and
     * 上回る in 売上高は前年を上回り, 受注 in 設備を受注した) get none: the change or the event speaks for them, once.
     */
    private static void withGrammar(List<Token> tokens, int from, int to, Map<String, CharRange> features,
                                    boolean[] attached) {
        for (int t = from; t + 1 < to; t++) {
            Token a = tokens.get(t);
            Token b = tokens.get(t + 1);
            boolean wordFirst = content(a) && !attached[t - from] && grammar(b);
            boolean wordSecond = content(b) && !attached[t + 1 - from] && grammar(a);
            if (wordFirst || wordSecond) {
                features.putIfAbsent(a.key() + "+" + b.key(), new CharRange(a.start(), b.end()));
            }
            if (t + 2 < to && meaningOrGrammar(tokens, from, t, t + 3, attached)) {
                Token c = tokens.get(t + 2);
                features.putIfAbsent(a.key() + "+" + b.key() + "+" + c.key(), new CharRange(a.start(), c.end()));
            }
        }
    }

    /**
     * Whether tokens[first, end) are words of meaning (not part of a change or event) or grammar, at least one of
     * them a word of meaning: {@code 見込める+ない+状況}, {@code 前年+並み+で}. No name, number or symbol.
     */
    private static boolean meaningOrGrammar(List<Token> tokens, int from, int first, int end, boolean[] attached) {
        boolean meaning = false;
        for (int t = first; t < end; t++) {
            Token token = tokens.get(t);
            if (content(token)) {
                if (attached[t - from]) {
                    return false;
                }
                meaning = true;
            } else if (!grammar(token)) {
                return false;
            }
        }
        return meaning;
    }

    /** A particle, auxiliary, light verb or dependent word: what {@link #content} leaves out, except numbers, names and symbols. */
    static boolean grammar(Token token) {
        if (token.punctuation() || content(token) || asciiOnly(token.key())) {
            return false;
        }
        String pos = token.partOfSpeech();
        return pos.startsWith("助詞") || pos.startsWith("助動詞") || pos.startsWith("動詞") || pos.startsWith("形容詞")
                || pos.startsWith("名詞-非自立") || pos.startsWith("名詞-接尾-助動詞語幹");
    }

    /**
     * A clause of background ending in なか or 中 before a comma (先行き不透明な状況が続くなか、売上高は…上回った): what
     * the sentence reports is the clause after it, so the words of the background give no word features and no
     * lexicon tone (they are marked attached).
     */
    private static void markBackground(List<Token> tokens, int from, int to, boolean[] attached) {
        for (int t = from; t < to; t++) {
            if (background(tokens, t, to)) {
                attached[t - from] = true;
            }
        }
    }

    /** Whether token t lies in a clause that ends with なか、 / なかで、 / 中、 (no punctuation before that end). */
    private static boolean background(List<Token> tokens, int t, int to) {
        for (int u = t; u < to && u <= t + 30; u++) {
            Token token = tokens.get(u);
            if (token.punctuation()) {
                return false;
            }
            String key = token.surface();
            if ((key.equals("なか") || key.equals("中")) && u > t && u + 1 < to) {
                Token next = tokens.get(u + 1);
                Token after = u + 2 < to ? tokens.get(u + 2) : null;
                if (next.surface().equals("、") || (next.surface().equals("で") && after != null
                        && after.surface().equals("、"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a token is a word of meaning: not a particle, auxiliary, light verb, number, symbol or name. */
    static boolean content(Token token) {
        String pos = token.partOfSpeech();
        if (!(pos.startsWith("名詞") || pos.startsWith("動詞") || pos.startsWith("形容詞") || pos.startsWith("副詞")
                || pos.startsWith("接頭詞"))) {
            return false;
        }
        if (pos.startsWith("名詞-非自立") || pos.startsWith("名詞-代名詞") || pos.startsWith("名詞-固有名詞")
                || pos.startsWith("名詞-数") || pos.startsWith("動詞-非自立") || pos.startsWith("名詞-接尾-助数詞")
                || pos.startsWith("形容詞-非自立") || pos.startsWith("名詞-接尾-助動詞語幹")) {
            return false;
        }
        String key = token.key();
        return !LIGHT.contains(key) && !key.equals("社") && !asciiOnly(key);
    }

    private static boolean asciiOnly(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the auxiliary ない/ず/ぬ/ん follows the word at t before the next word of meaning or punctuation
     * (増加しなかった, 停止せず).
     */
    static boolean negated(List<Token> tokens, int t, int to) {
        return negator(tokens, t, to) >= 0;
    }

    /** The index of the negating auxiliary of {@link #negated}, or -1. */
    private static int negator(List<Token> tokens, int t, int to) {
        for (int u = t + 1; u < to && u <= t + 4; u++) {
            Token token = tokens.get(u);
            if (token.punctuation() || content(token)) {
                return -1;
            }
            if (NEGATORS.contains(token.key()) && token.partOfSpeech().startsWith("助動詞")) {
                return u;
            }
        }
        return -1;
    }

    /**
     * Direction words with what changes: {@code chg:±} (or {@code dir:up/down} without a known quantity). A direction
     * word whose quantity is known is marked in changed: it gives no word feature of its own, so that 減少 in
     * 販管費は5%減少 does not bring the tone it learned from 売上高は減少.
     */
    private static void directions(List<Token> tokens, int from, int to, Map<String, CharRange> features,
                                   boolean[] attached, boolean[] changed) {
        for (int t = from; t < to; t++) {
            String key = tokens.get(t).key();
            boolean up = UP.contains(key);
            if (!up && !DOWN.contains(key)) {
                continue;
            }
            if (!RECEPTION.contains(key) && receivedLater(tokens, t, to)) {
                continue;
            }
            int negator = negator(tokens, t, to);
            if (negator >= 0) {
                up = !up;
            }
            boolean self = SELF_DIRECTED.contains(key);
            int topic = self ? t : topic(tokens, from, to, t);
            String topicKey = topic < 0 ? null : tokens.get(topic).key();
            int first = topic < 0 ? t : Math.min(t, topic);
            int last = Math.max(negator >= 0 ? negator : t, topic);
            CharRange range = new CharRange(tokens.get(first).start(), tokens.get(last).end());
            if (topicKey == null) {
                features.putIfAbsent(up ? "dir:up" : "dir:down", range);
            } else {
                boolean good = self || GOOD.contains(topicKey);
                features.putIfAbsent(good == up ? SentimentFeatures.CHANGE_FOR_BETTER
                        : SentimentFeatures.CHANGE_FOR_WORSE, range);
                attached[t - from] = true;
                attached[topic - from] = true;
                changed[t - from] = true;
            }
        }
    }

    /**
     * What a change is about: after の (原材料価格の高騰) the quantity just before it, if any; the object just before
     * を (利益を押し下げた); otherwise the subject marked by は, が or も (営業利益は…8%減), else the closest quantity.
     */
    private static int topic(List<Token> tokens, int from, int to, int t) {
        if (t > from && tokens.get(t - 1).key().equals("の")) {
            return nearest(tokens, from, t, t, 4, 0); // 設備投資の拡大: none
        }
        if (t - 2 >= from && tokens.get(t - 1).key().equals("を")
                && (GOOD.contains(tokens.get(t - 2).key()) || BAD.contains(tokens.get(t - 2).key()))) {
            return t - 2; // 利益を押し下げた: the object is what changes
        }
        for (int d = 1; d <= TOPIC_BEFORE && t - d - 1 >= from; d++) {
            String key = tokens.get(t - d - 1).key();
            String particle = tokens.get(t - d).key();
            if ((GOOD.contains(key) || BAD.contains(key)) && SUBJECT.contains(particle)) {
                return t - d - 1;
            }
        }
        return nearest(tokens, from, to, t, TOPIC_BEFORE, TOPIC_AFTER);
    }

    /** Whether a reception word follows the change at t in the same clause (no punctuation between). */
    private static boolean receivedLater(List<Token> tokens, int t, int to) {
        for (int u = t + 1; u < to && !tokens.get(u).punctuation(); u++) {
            if (RECEPTION.contains(tokens.get(u).key())) {
                return true;
            }
        }
        return false;
    }

    /** The closest good or bad quantity within the window, before first at equal distance; no crossing of punctuation. */
    private static int nearest(List<Token> tokens, int from, int to, int t, int before, int after) {
        boolean blockedBefore = false;
        boolean blockedAfter = false;
        for (int d = 1; d <= Math.max(before, after); d++) {
            if (d <= before && !blockedBefore && t - d >= from) {
                Token token = tokens.get(t - d);
                blockedBefore = token.punctuation();
                if (!blockedBefore && (GOOD.contains(token.key()) || BAD.contains(token.key()))) {
                    return t - d;
                }
            }
            if (d <= after && !blockedAfter && t + d < to) {
                Token token = tokens.get(t + d);
                blockedAfter = token.punctuation();
                if (!blockedAfter && (GOOD.contains(token.key()) || BAD.contains(token.key()))) {
                    return t + d;
                }
            }
        }
        return -1;
    }
}
