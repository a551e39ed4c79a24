package io.newsflow.text;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link JapaneseNewsRules} read in a Japanese news sentence beyond the model's features, from its tokens. None
 * of it is a feature of the model (the model file stays what the training command writes); each names a class of
 * wording of news that the training text (economic comments, securities reports) rarely has:
 * <ul>
 *   <li>{@link #clearChange}: a loss or a deficit that narrowed or widened, named as the subject however far
 *       the verb (純損失は、前年同期の230億円から80億円に縮小した), and a turn to profit or loss (黒字に転じた,
 *       赤字に陥った), or a deficit gone (赤字が解消した);</li>
 *   <li>{@link #subjectChange}: the same for the other quantities (有利子負債は、…倍増した), where the model's
 *       features found no change (their window is 12 tokens);</li>
 *   <li>{@link #ratingMove}: a rating, an outlook or an analyst's judgement moved up or down, the states quoted
 *       (投資判断を「買い」から「中立」に引き下げた, 見通しを「ネガティブ」から「安定的」に変更した), or kept
 *       (据え置いた: neutral), and what a company sets itself raised or lowered (配当を8円引き上げ);</li>
 *   <li>{@link #joint}: how two changes of opposite sign are joined: in parallel (売上高は増えた一方、営業利益は
 *       減った; 売上高は増えたが、利益は減った: mixed figures), or with the later one as the main clause after a
 *       concession (…ものの、…; …に反し、…);</li>
 *   <li>{@link #statedLevel}: a figure stated as a level, without a direction (売上高は1兆2000億円だった);</li>
 *   <li>{@link #cues}: events and plain facts of news from the rule layer's own list
 *       ({@code text/news-rule-cues-ja.tsv}: 逮捕, 受託, ストップ高, 人事, 移行, 横ばい...).</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class JapaneseNewsReading {

    private static final FinanceCues RULE_CUES = FinanceCues.fromResource("text/news-rule-cues-ja.tsv");

    /** A change read from the tokens: its tone and the token of its verb (where it stands in the sentence). */
    record Change(SentimentLabel label, int at) {
    }

    /**
     * How two changes of opposite sign are joined: in parallel (mixed figures), the later as the main clause after a
     * concession, or otherwise (…が、…; a cause …し、…: left to the model, which reads these well enough and
     * which the economic comments, often neutral on such sentences, do not let a rule beat).
     */
    enum Joint { PARALLEL, CONCESSIVE, OTHER }

    private static final Set<String> LOSSES = Set.of("損失", "赤字", "欠損", "損");
    /** What Kuromoji splits off a quantity as a token of its own: 受注 高, 損失 額, 販売 量, 赤字 幅, 利益 率. */
    private static final Set<String> AMOUNT_SUFFIXES = Set.of("高", "額", "量", "数", "総額", "総数", "件数", "残高", "幅",
            "率");
    /** Words that judge a change, whatever the quantity: 損失が改善 is good news, as 利益が改善 is. */
    private static final Set<String> BETTER = Set.of("改善", "好転", "回復");
    private static final Set<String> WORSE = Set.of("悪化", "低迷");
    private static final Set<String> MORE = Set.of("倍増", "急増", "膨張", "増加", "増える", "拡大", "膨らむ", "上回る",
            "上昇", "伸びる", "増大", "拡がる", "広がる", "増", "高騰", "急騰", "増やす", "上がる");
    private static final Set<String> LESS = Set.of("半減", "急減", "圧縮", "減少", "減る", "縮小", "縮む", "縮まる", "下回る",
            "低下", "下落", "急落", "減", "減らす", "下がる", "落ち込む", "減退");
    /** 黒字に転じる / 赤字に陥る: the verbs of a turn, after に or を (黒字を回復). */
    private static final Set<String> TURNS = Set.of("転じる", "転換", "浮上", "回復", "転落", "陥る", "化");
    /** What may stand between 赤字 and the verb of it gone (赤字が解消, 赤字から脱却), or of a turn (黒字に転じる). */
    private static final Set<String> BEFORE_GONE = Set.of("が", "は", "を", "から");
    private static final Set<String> BEFORE_TURN = Set.of("に", "を");
    /** A deficit gone: 赤字が解消, 赤字から脱却. */
    private static final Set<String> GONE = Set.of("解消", "脱却", "脱する");
    /** What is judged rather than counted (財務体質, 採算, 収支): only 改善 / 悪化 and the like move it. */
    private static final Set<String> JUDGED = Set.of("財務", "体質", "採算", "収支", "収益性", "収益力");
    /** The quantities of {@link #subjectChange}: every good or bad one and what is judged, losses aside. */
    private static final Set<String> OTHER_QUANTITIES = otherQuantities();
    private static final Set<String> LEVELS = Set.of("従業", "員数", "社員", "従業員", "資本金");
    private static final Set<String> CONCESSIVE = Set.of("ものの", "かかわらず", "反す");
    /** Words of a comparison: a figure with one of them is a change, not a level. */
    private static final Set<String> COMPARISONS = Set.of("比", "%", "％", "割", "倍", "ポイント", "並み", "上回る",
            "下回る", "から", "比べる", "比較", "同じ");
    /** Units of an amount of money or a count (億円, 人, 株). */
    private static final Set<String> UNITS = Set.of("円", "ドル", "ユーロ", "人", "株", "社", "店", "台", "件", "カ所", "か所",
            "拠点", "店舗");

    /**
     * What a company sets and raises or lowers (配当を8円引き上げ, 受注目標を引き下げた, 業績予想を引き上げた): the verb
     * says which way, as for a rating.
     */
    private static final Set<String> SET_LEVELS = Set.of("配当", "予想", "見通し", "目標", "計画");
    private static final Set<String> RAISE = Set.of("引き上げる", "引き上げ", "上げる");
    private static final Set<String> LOWER = Set.of("引き下げる", "引き下げ", "下げる");
    private static final Pattern QUOTED_MOVE = Pattern.compile("「([^」]+)」から「([^」]+)」");
    /** Outlooks and analysts' judgements, worst first (same rank: same state). */
    private static final Map<String, Integer> STATES = Map.ofEntries(
            Map.entry("ネガティブ", 0), Map.entry("弱含み", 0), Map.entry("安定的", 1), Map.entry("安定", 1),
            Map.entry("ポジティブ", 2), Map.entry("強含み", 2),
            Map.entry("売り", 0), Map.entry("アンダーウエート", 0), Map.entry("アンダーパフォーム", 0), Map.entry("弱気", 0),
            Map.entry("中立", 1), Map.entry("ニュートラル", 1), Map.entry("ホールド", 1),
            Map.entry("買い", 2), Map.entry("オーバーウエート", 2), Map.entry("アウトパフォーム", 2), Map.entry("強気", 2),
            Map.entry("強い買い", 3));
    private static final Pattern LETTER_RATING = Pattern.compile("(AAA|AA|A|BBB|BB|B|CCC|CC|C|D)([+-]?)");
    private static final List<String> LETTERS = List.of("D", "C", "CC", "CCC", "B", "BB", "BBB", "A", "AA", "AAA");

    private JapaneseNewsReading() {
    }

    /**
     * Whether tokens[from, to) are one sentence (no sentence end before the last token): what this class reads is
     * the structure of one sentence; a text of several has no one main clause.
     */
    static boolean oneSentence(List<Token> tokens, int from, int to) {
        int last = to - 1;
        while (last >= from && tokens.get(last).punctuation()) {
            last--;
        }
        for (int t = from; t < last; t++) {
            String surface = tokens.get(t).surface();
            if (surface.length() == 1 && SentenceSplitter.isJapaneseTerminator(surface.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** The rule layer's own events and facts in tokens[from, to). */
    static List<FinanceCues.Match> cues(List<Token> tokens, int from, int to) {
        return RULE_CUES.find(tokens, from, to);
    }

    /**
     * A loss or deficit (損失, 赤字, 純損失, 営業赤字) as the subject (は/が/も) of the next change in the sentence:
     * less is good news, more bad; or a turn to profit (黒字に転じた, 黒字化) or to a loss (赤字に転落した). Null if none.
     */
    static Change clearChange(List<Token> tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            String key = tokens.get(t).key();
            boolean black = key.equals("黒字");
            if (!black && !key.equals("赤字")) {
                continue;
            }
            int gone = black ? -1 : gone(tokens, t, to);
            if (gone >= 0) {
                boolean negated = JapaneseFeatures.negated(tokens, gone, to);
                return new Change(negated ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE, gone);
            }
            int turn = turn(tokens, t, to);
            if (turn >= 0) {
                boolean up = black != JapaneseFeatures.negated(tokens, turn, to);
                return new Change(up ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE, turn);
            }
        }
        return changeOfSubject(tokens, from, to, LOSSES);
    }

    /**
     * {@link #clearChange} for the other quantities of {@link JapaneseFeatures} (売上高, 受注, 負債, 費用...), and for
     * what is judged rather than counted (財務体質, 採算: moved by 改善 / 悪化 only).
     */
    static Change subjectChange(List<Token> tokens, int from, int to) {
        return changeOfSubject(tokens, from, to, OTHER_QUANTITIES);
    }

    private static Change changeOfSubject(List<Token> tokens, int from, int to, Set<String> quantities) {
        for (int t = from; t + 1 < to; t++) {
            if (!quantities.contains(tokens.get(t).key()) || !subject(tokens, t, to)) {
                continue;
            }
            boolean judgedOnly = JUDGED.contains(tokens.get(t).key());
            boolean good = judgedOnly || JapaneseFeatures.GOOD.contains(tokens.get(t).key());
            for (int u = t + 2; u < to; u++) {
                String key = tokens.get(u).key();
                if (subject(tokens, u, to) && isQuantity(key)) {
                    break; // the next clause has a subject of its own
                }
                boolean judged = BETTER.contains(key) || WORSE.contains(key);
                if (!judged && (judgedOnly || !MORE.contains(key) && !LESS.contains(key))
                        || tokens.get(u - 1).key().equals("の")) {
                    continue; // no change, or another thing's (値引きの拡大で: the discount's)
                }
                boolean negated = JapaneseFeatures.negated(tokens, u, to);
                boolean better = judged ? BETTER.contains(key) : good == MORE.contains(key);
                return new Change(better != negated ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE, u);
            }
        }
        return null;
    }

    private static Set<String> otherQuantities() {
        Set<String> quantities = new HashSet<>(JapaneseFeatures.GOOD);
        quantities.addAll(JapaneseFeatures.BAD);
        quantities.addAll(JUDGED);
        quantities.removeAll(LOSSES);
        return Set.copyOf(quantities);
    }

    private static boolean isQuantity(String key) {
        return JapaneseFeatures.GOOD.contains(key) || JapaneseFeatures.BAD.contains(key) || LOSSES.contains(key);
    }

    /**
     * Whether token t is followed by a subject particle (は, が, も), after a suffix of amount too (受注高は: 受注, 高,
     * は).
     */
    private static boolean subject(List<Token> tokens, int t, int to) {
        int particle = t + 1 < to && AMOUNT_SUFFIXES.contains(tokens.get(t + 1).key()) ? t + 2 : t + 1;
        return particle < to && JapaneseFeatures.SUBJECT.contains(tokens.get(particle).key())
                && tokens.get(particle).partOfSpeech().startsWith("助詞");
    }

    /** The verb of a deficit gone after 赤字 at t (赤字が解消し, 赤字を脱却), or -1. */
    private static int gone(List<Token> tokens, int t, int to) {
        for (int u = t + 1; u < to && u <= t + 2; u++) {
            String key = tokens.get(u).key();
            if (GONE.contains(key)) {
                return u;
            }
            if (!BEFORE_GONE.contains(key)) {
                return -1;
            }
        }
        return -1;
    }

    /** The verb of a turn after 黒字 / 赤字 at t (黒字に転じる, 黒字を回復, 黒字化, 赤字転落), or -1. */
    private static int turn(List<Token> tokens, int t, int to) {
        if (t + 1 < to && TURNS.contains(tokens.get(t + 1).key())) {
            return t + 1;
        }
        if (t + 2 < to && BEFORE_TURN.contains(tokens.get(t + 1).key())
                && TURNS.contains(tokens.get(t + 2).key())) {
            return t + 2;
        }
        return -1;
    }

    /**
     * A rating (格付け, 発行体格付け), its outlook, a target price or an analyst's judgement (投資判断, レーティング)
     * moved, in the same clause: 引き上げた positive, 引き下げた negative, 変更した by the quoted states
     * (「ネガティブ」から「安定的」: positive; letter ratings by their scale), 据え置いた / 維持した neutral; and what
     * a company sets itself (配当, 予想, 見通し, 目標, 計画) raised or lowered. Null if none.
     */
    static SentimentLabel ratingMove(List<Token> tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            boolean rating = rating(tokens, t, from);
            if (!rating && !SET_LEVELS.contains(tokens.get(t).key())) {
                continue;
            }
            StringBuilder between = new StringBuilder();
            for (int u = t + 1; u < to && u <= t + 16; u++) {
                Token token = tokens.get(u);
                String key = token.key();
                if (key.equals("。") || key.equals("、")) {
                    break;
                }
                between.append(token.surface());
                boolean negated = JapaneseFeatures.negated(tokens, u, to);
                if (RAISE.contains(key)) {
                    return negated ? null : SentimentLabel.POSITIVE;
                }
                if (LOWER.contains(key)) {
                    return negated ? null : SentimentLabel.NEGATIVE;
                }
                if (key.equals("据え置く") || key.equals("維持")) {
                    return SentimentLabel.NEUTRAL;
                }
                if (rating && (key.equals("変更") || key.equals("見直す"))) {
                    return quotedMove(between);
                }
            }
        }
        return null;
    }

    private static boolean rating(List<Token> tokens, int t, int from) {
        String key = tokens.get(t).key();
        String before = t > from ? tokens.get(t - 1).key() : "";
        return key.equals("格付け") || key.equals("レーティング") || (key.equals("付け") && before.endsWith("格"))
                || (key.equals("判断") && before.equals("投資")) || (key.equals("株価") && before.equals("目標"));
    }

    /** 「old」から「new」: up, down, or null when the states are unknown or equal. */
    private static SentimentLabel quotedMove(CharSequence text) {
        Matcher m = QUOTED_MOVE.matcher(text);
        if (!m.find()) {
            return null;
        }
        Integer before = rank(m.group(1).strip());
        Integer after = rank(m.group(2).strip());
        if (before == null || after == null || before.equals(after)) {
            return null;
        }
        return after > before ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
    }

    private static Integer rank(String state) {
        Integer named = STATES.get(state);
        if (named != null) {
            return named;
        }
        Matcher letter = LETTER_RATING.matcher(state);
        if (!letter.matches()) {
            return null;
        }
        int notch = letter.group(2).isEmpty() ? 0 : letter.group(2).equals("+") ? 1 : -1;
        return LETTERS.indexOf(letter.group(1)) * 3 + notch;
    }

    /**
     * How the change ending at char {@code earlierEnd} and the one ending at {@code laterEnd} are joined:
     * in parallel when 一方 or 反面 stands between them, or when the earlier ends its clause on its own verb (上回り、
     * 増加し、 増えたが、) and the later clause has a subject of its own; a concession when ものの, にもかかわらず or に反し does
     * (…上回ったものの、…減った: the later one is the main clause); else {@link Joint#OTHER}.
     */
    static Joint joint(List<Token> tokens, int from, int to, int earlierEnd, int laterEnd) {
        int first = from;
        while (first < to && tokens.get(first).end() <= earlierEnd) {
            first++;
        }
        int comma = -1;
        boolean ownVerb = true;
        boolean subject = false;
        for (int u = first; u < to && tokens.get(u).end() <= laterEnd; u++) {
            Token token = tokens.get(u);
            if (token.surface().equals("一方") || token.surface().equals("反面")) {
                return Joint.PARALLEL;
            }
            if (CONCESSIVE.contains(token.key())) {
                return Joint.CONCESSIVE;
            }
            if (comma < 0) {
                if (token.key().equals("、")) {
                    comma = u;
                } else if (!ending(token)) {
                    ownVerb = false;
                }
            } else if (JapaneseFeatures.SUBJECT.contains(token.key()) && token.partOfSpeech().startsWith("助詞")) {
                subject = true;
            }
        }
        return comma >= 0 && ownVerb && subject ? Joint.PARALLEL : Joint.OTHER;
    }

    /** Whether the number before token t ends in a unit of money or count (億円: 億 then 円; 4500人). */
    private static boolean amount(List<Token> tokens, int t, int to) {
        for (int u = t; u < to && u <= t + 2; u++) {
            Token token = tokens.get(u);
            if (UNITS.contains(token.key())) {
                return true;
            }
            if (!token.partOfSpeech().startsWith("名詞-数")) {
                return false;
            }
        }
        return false;
    }

    /** What may end a clause on its own verb: an auxiliary or a light verb (増加し、 上回った一方), or て (増えており、). */
    private static boolean ending(Token token) {
        String pos = token.partOfSpeech();
        return pos.startsWith("助動詞") || (pos.startsWith("動詞") && !JapaneseFeatures.content(token))
                || (pos.startsWith("助詞") && token.key().equals("て")) || pos.startsWith("助詞-接続助詞");
    }

    /**
     * A figure stated as a level: a quantity (売上高, 営業利益, 従業員数) as the subject and an amount after it in the
     * sentence, a number with its unit of money or count (1兆2000億円, 4500人), in a sentence without a comparison
     * (前年比, 前年の8割, 96%, 223百万円から154百万円: a level against another is a change). The caller checks that
     * no direction, event or tone goes with it.
     */
    static boolean statedLevel(List<Token> tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            if (COMPARISONS.contains(tokens.get(t).key())) {
                return false;
            }
        }
        for (int t = from; t < to; t++) {
            String key = tokens.get(t).key();
            if (!isQuantity(key) && !LEVELS.contains(key) && !AMOUNT_SUFFIXES.contains(key)) {
                continue;
            }
            int particle = t + 1 < to && JapaneseFeatures.SUBJECT.contains(tokens.get(t + 1).key()) ? t + 1
                    : t + 2 < to && JapaneseFeatures.SUBJECT.contains(tokens.get(t + 2).key()) ? t + 2 : -1;
            if (particle < 0) {
                continue;
            }
            for (int u = particle + 1; u + 1 < to; u++) {
                if (tokens.get(u).partOfSpeech().startsWith("名詞-数") && amount(tokens, u + 1, to)) {
                    return true;
                }
            }
        }
        return false;
    }
}
