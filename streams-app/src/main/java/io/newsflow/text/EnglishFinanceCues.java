package io.newsflow.text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What English press text says with business events and plain facts, as features a model can weigh the same
 * way wherever they occur (so what it learns from one contract or one plant closure carries over to the next):
 * <ul>
 *   <li>{@code evt:+}: good news for the company: won or was awarded a contract or an order, signed an
 *       agreement, a partnership, an expansion, an acquisition, cost savings, a new plant opened, record
 *       results, upgrades;</li>
 *   <li>{@code evt:-}: bad news: job cuts, layoffs, a plant closure, a recall, a probe or investigation, a
 *       downgrade, a production halt, a delay, a lawsuit, a fine, a profit warning; a negator just before
 *       ("did not win", "no job cuts") flips the sign;</li>
 *   <li>{@code fact}: an announcement of fact or schedule, which is neutral news ("will publish its results",
 *       "is listed on", "to hold its AGM on", "has 2,000 employees", "is headquartered in"), or a level written as
 *       one ("net sales totalled EUR 420 mn", "the backlog stood at");</li>
 *   <li>{@code chg:clear+} / {@code chg:clear-} next to {@code chg:+} / {@code chg:-}: a change of sign ("swung to
 *       a profit", "returned to a loss"), which {@link EventPrecedence} lets decide even against the model.</li>
 * </ul>
 * A cue is a trigger word with, for most, an object word within {@value #WINDOW} tokens after it in the same
 * clause ("won a EUR 20 million contract"), or before it ("production halt", "job cuts"). Words are matched as
 * stems of {@link EnglishTokenizer}. Stateless and thread-safe.
 */
final class EnglishFinanceCues {

    static final String GOOD_EVENT = "evt:+";
    static final String BAD_EVENT = "evt:-";
    static final String DEAL = "evt:deal";
    static final String FACT = "fact";
    /**
     * A clear change for the better or the worse: a change of sign between a loss and a profit ("swung to a
     * profit", "returned to a loss", "a profit of 1.2 after a loss of 2.5") or a loss that narrowed or widened.
     * Emitted with {@code chg:+} / {@code chg:-}; {@link EventPrecedence} lets it decide even against the model.
     */
    static final String CLEAR_BETTER = "chg:clear+";
    static final String CLEAR_WORSE = "chg:clear-";
    static final Set<String> FEATURES = Set.of(GOOD_EVENT, BAD_EVENT, DEAL, FACT, CLEAR_BETTER, CLEAR_WORSE);
    static final int WINDOW = 6;
    /** An investment names its amount before its object: "invest EUR 20 mn in a new production line". */
    private static final int INVEST_WINDOW = 9;

    /**
     * A trigger, and the objects one of which must be near it (none: the trigger alone is the cue): up to
     * {@code after} tokens after it or {@code before} tokens before it. A cue {@code unlessChanged} gives nothing
     * when its trigger is the quantity of a change ("impairment charges decreased" is a change, not an event).
     */
    private record Cue(Set<String> triggers, Set<String> objects, int after, int before, String feature,
                       boolean unlessChanged) {

        Cue(Set<String> triggers, Set<String> objects, boolean objectAfter, boolean objectBefore, String feature) {
            this(triggers, objects, objectAfter ? WINDOW : 0, objectBefore ? 2 : 0, feature, false);
        }
    }

    private static final Set<String> DEALS = stems("contract contracts order orders deal deals tender agreement "
            + "agreements framework");
    private static final Set<String> SITE = stems("plant plants factory factories mill mills site sites unit units "
            + "store stores facility facilities operations production output line mine refinery bakery bakeries "
            + "brewery breweries smelter smelters yard shipyard warehouse warehouses depot terminal hotel hotels "
            + "shop shops outlet outlets office offices branch branches restaurant restaurants centre center");
    private static final Set<String> STAFF = stems("job jobs staff workforce workers employees positions people "
            + "personnel headcount");
    private static final Set<String> RESULTS = stems("results result report interim earnings accounts statement "
            + "figures review financial");

    private static final Set<String> EXPECTATIONS = stems("expectations expected forecast forecasts estimates "
            + "consensus");
    private static final String PROFIT = EnglishTokenizer.stem("profit");
    private static final String LOSS = EnglishTokenizer.stem("loss");
    private static final Set<String> DIVIDEND = stems("dividend dividends payout");
    private static final Set<String> CUSTOMERS = stems("customer customers client clients subscriber subscribers");
    /** What a plan is measured against: "ahead of target", "behind schedule". */
    private static final Set<String> PLAN = stems("target targets schedule plan plans expectations forecast "
            + "forecasts guidance budget");
    /** A state left behind: "revised the outlook to positive from stable" says nothing of "stable". */
    private static final String FROM = "from";
    private static final Set<String> STATES = stems("positive negative");

    private static final List<Cue> CUES = List.of(
            new Cue(stems("win won wins winning award awarded secure secured land landed clinch clinched receive "
                    + "received receives book booked bag bagged"), DEALS, true, false, GOOD_EVENT),
            // "lost the tender", "lost a framework contract"
            new Cue(stems("lose lost loses losing"), DEALS, true, false, BAD_EVENT),
            // "won a new customer in the banking sector", "lost its largest client"
            new Cue(stems("win won wins winning gain gained gains add added adds attract attracted"), CUSTOMERS, true,
                    false, GOOD_EVENT),
            new Cue(stems("lose lost loses losing"), CUSTOMERS, true, false, BAD_EVENT),
            // a rating outlook: "revised the outlook on the company to positive", "the outlook remains negative"
            new Cue(stems("positive"), stems("outlook"), 0, WINDOW, GOOD_EVENT, false),
            new Cue(stems("negative"), stems("outlook"), 0, WINDOW, BAD_EVENT, false),
            // "received regulatory approval for its new test", "obtained FDA clearance" ("subject to approval" is none)
            new Cue(stems("receive received receives obtain obtained obtains grant granted win won gain gained secure "
                    + "secured"), stems("approval approvals clearance authorisation authorisations licence "
                    + "license licences licenses permit permits"), 4, 0, GOOD_EVENT, false),
            // a trial or a plan that met or failed to meet its goal: "failed to meet its primary endpoint"
            new Cue(stems("fail failed fails"), stems("endpoint endpoints goal goals target targets objective "
                    + "objectives expectations"), WINDOW, 0, BAD_EVENT, false),
            new Cue(stems("met"), stems("endpoint endpoints"), 4, 0, GOOD_EVENT, false),
            // "ahead of target", "ahead of schedule"; "behind schedule"
            new Cue(stems("ahead"), PLAN, 2, 0, GOOD_EVENT, false),
            new Cue(stems("behind"), PLAN, 1, 0, BAD_EVENT, false),
            // "the result was hit by a one-off charge", "weighed on the quarter", "pressure on margins"
            new Cue(stems("hit"), Set.of("by"), 1, 0, BAD_EVENT, false),
            // "profits took a hit", "the unit is taking a hit from the strike"
            new Cue(stems("hit"), stems("take takes took taken taking"), 0, 2, BAD_EVENT, false),
            new Cue(stems("weigh weighed weighs weighing"), Set.of("on"), 1, 0, BAD_EVENT, false),
            new Cue(stems("pressure pressures squeeze squeezed"), stems("margin margins price prices profitability "
                    + "earnings profit profits"), 3, 1, BAD_EVENT, false),
            // a contract or an order signed is business won; an agreement or a deal may be anything
            new Cue(stems("sign signed signs conclude concluded ink inked"), stems("contract contracts order orders"),
                    true, false, GOOD_EVENT),
            new Cue(stems("sign signed signs conclude concluded ink inked"), stems("deal deals agreement agreements "
                    + "partnership"), true, false, DEAL),
            // "an agreement to supply", "a contract to deliver": the company is the supplier
            new Cue(stems("supply supplies deliver delivers provide"), DEALS, 0, 2, GOOD_EVENT, false),
            // "signed a long-term supply deal", "a delivery contract" (not "deliveries under the agreement")
            new Cue(stems("supply delivery"), DEALS, 1, 0, GOOD_EVENT, false),
            // "a contract worth EUR 45 mn", "an order valued at"
            new Cue(stems("worth valued"), stems("contract contracts order orders agreement framework"), 0,
                    WINDOW, GOOD_EVENT, false),
            // "selected as sole supplier", "chose Routa Infra to build the depot"
            new Cue(stems("select selected selects chosen choose chose picked nominated"), stems("supplier suppliers "
                    + "partner contractor vendor provider build supply deliver"), true, false, GOOD_EVENT),
            new Cue(stems("partnership expansion expand expands expanded acquisition acquire acquires acquired"),
                    Set.of(), false, false, DEAL),
            new Cue(stems("upgrade upgraded upgrades outperform"), Set.of(), false, false, GOOD_EVENT),
            new Cue(stems("saving savings"), stems("cost costs"), false, true, GOOD_EVENT),
            // "the programme delivered savings of EUR 12 mn" ("a savings bank" is none)
            new Cue(stems("saving savings"), stems("deliver delivered delivers achieve achieved achieves generate "
                    + "generated generates realise realised realize realized"), 0, 3, GOOD_EVENT, false),
            // "the largest order in the company's history"
            new Cue(stems("largest biggest"), DEALS, 2, 0, GOOD_EVENT, false),
            // "accretive to earnings per share" / "dilutive" (as written: "diluted earnings per share" is no event)
            new Cue(stems("accretive"), Set.of(), false, false, GOOD_EVENT),
            // "a capital gain of EUR 35 mn" from a sale
            new Cue(stems("gain gains"), stems("capital"), 0, 1, GOOD_EVENT, false),
            new Cue(stems("open opened opens inaugurate inaugurated"), SITE, true, false, GOOD_EVENT),
            // "will invest EUR 20 mn in a new production line", "an investment in the mill's capacity" (not
            // "production" or "facilities": "product development", "credit facilities" share their stems or words)
            new Cue(stems("invest invests investing investment investments"), stems("plant plants factory factories "
                    + "mill mills line lines capacity"), INVEST_WINDOW, 0, GOOD_EVENT, false),
            // "will expand its plant in Oulu": more capacity of its own, unlike an expansion into a market
            new Cue(stems("expand expands expanded expanding extend extends extended"), SITE, 3, 0, GOOD_EVENT, false),
            // "expanding its fleet to 27 vessels"
            new Cue(stems("expand expands expanded expanding"), stems("fleet fleets"), 3, 0, GOOD_EVENT, false),
            // "a fire at the plant", "a strike disrupted production" (a site within the window, either side)
            new Cue(stems("explosion interrupt interrupted interrupts disrupt disrupted disrupts "
                    + "disruption disruptions outage outages"), SITE, WINDOW, WINDOW, BAD_EVENT, false),
            // "expanded its distribution network" (with its own stores or sites; a presence may be a partner's)
            new Cue(stems("expand expands expanded expanding"), stems("network networks"), 3, 0, GOOD_EVENT, false),
            // "record net sales", "a record order backlog", "a record high"; "a record loss"
            new Cue(stems("record"), stems("sales revenue revenues profit profits earnings result results order "
                    + "orders backlog income high highs year quarter deliveries passengers traffic volume volumes "
                    + "production output <num>"), 3, 0, GOOD_EVENT, false),
            new Cue(stems("record"), stems("loss losses low lows deficit"), 3, 0, BAD_EVENT, false),
            new Cue(stems("beat beats exceeded exceeds surpassed topped above"), EXPECTATIONS, 4, 0, GOOD_EVENT,
                    false),
            new Cue(stems("missed misses miss below short"), EXPECTATIONS, 4, 0, BAD_EVENT, false),
            new Cue(stems("cut cuts cutting slash slashed shed sheds axe axed eliminate eliminated reduce reduced "
                    + "reduction reductions"),
                    STAFF, true, true, BAD_EVENT),
            new Cue(stems("layoff layoffs redundancies redundancy recall recalls recalled probe probes "
                    + "investigation investigations lawsuit lawsuits sued downgrade downgraded downgrades fined "
                    + "penalty penalties bankruptcy insolvency liable accused accuses embroiled downfall"),
                    Set.of(), false, false, BAD_EVENT),
            // an impairment or a write-down is a loss of value, unless it is what changes ("impairments fell")
            new Cue(stems("impairment impairments writedown writedowns"), Set.of(), 0, 0, BAD_EVENT, true),
            new Cue(stems("write wrote written"), stems("down off"), 1, 0, BAD_EVENT, false),
            new Cue(stems("lay laid"), stems("off"), true, false, BAD_EVENT),
            // "production at the mill was suspended": the site may come well before the verb
            new Cue(stems("close closed closes closing closure closures shut shuts shutting shutdown halt halted "
                    + "halts suspend suspended suspends stop stopped"), SITE, WINDOW, WINDOW, BAD_EVENT, false),
            // "suspended its dividend", "no dividend will be paid"
            new Cue(stems("suspend suspended suspends cancel cancelled canceled scrap scrapped omit omitted skip "
                    + "skipped withdraw withdrew"), DIVIDEND, 3, 0, BAD_EVENT, false),
            new Cue(Set.of("no"), DIVIDEND, 2, 0, BAD_EVENT, false),
            new Cue(stems("delay delays delayed postpone postponed"), Set.of(), false, false, BAD_EVENT),
            new Cue(stems("warning warns warned warn"), stems("profit profits earnings"), true, true, BAD_EVENT),
            new Cue(stems("publish publishes release releases announce report"), RESULTS, true, false, FACT),
            new Cue(stems("listed traded"), stems("on exchange ticker symbol"), true, false, FACT),
            new Cue(stems("hold holds held"), stems("agm egm meeting conference call"), true, false, FACT),
            new Cue(stems("employ employs employees staff"), stems("<num>"), false, true, FACT),
            new Cue(stems("headquartered based"), stems("in"), true, false, FACT),
            new Cue(stems("scheduled due"), stems("publish release report hold"), true, false, FACT),
            // "swung to a profit", "returned to a loss": a change of sign is a change for the better or worse
            new Cue(stems("swung swing swings turned turn turns returned return returns"), stems("profit profitability "
                    + "black"), true, false, SentimentFeatures.CHANGE_FOR_BETTER),
            new Cue(stems("swung swing swings turned turn turns slipped slip fell"), stems("loss losses red"), true,
                    false, SentimentFeatures.CHANGE_FOR_WORSE),
            // "cash flow turned negative"
            new Cue(stems("swung turned turns"), stems("negative"), 2, 0, SentimentFeatures.CHANGE_FOR_WORSE, false),
            new Cue(stems("swung turned turns"), stems("positive"), 2, 0, SentimentFeatures.CHANGE_FOR_BETTER, false),
            // demand for what the company sells, its shares or its bonds: "the deal was heavily oversubscribed",
            // "investors placed orders of $125 billion", "strong demand allowed it to tighten the pricing"
            new Cue(stems("oversubscribed oversubscription"), Set.of(), false, false, GOOD_EVENT),
            new Cue(stems("subscribed"), stems("heavily times fully"), 0, 2, GOOD_EVENT, false),
            new Cue(stems("place placed places"), stems("order orders"), 3, 0, GOOD_EVENT, false),
            new Cue(stems("demand"), stems("strong stronger robust solid heavy record huge brisk"), WINDOW, 2,
                    GOOD_EVENT, false),
            new Cue(stems("demand"), stems("weak weaker soft softer sluggish tepid lacklustre lackluster"), WINDOW, 2,
                    BAD_EVENT, false));

    /**
     * A level without a comparison is a fact: "net sales totalled EUR 420 mn", "the backlog stood at". Matched as
     * written: the stems are nouns too ("total", "amount").
     */
    private static final Set<String> LEVEL_VERBS = Set.of("totalled", "totaled", "totalling", "totaling", "amounted",
            "stood");
    /**
     * "Archegos collapsed": a company that collapsed is bad news, unless what collapsed is a figure (a change). Matched
     * as written: the noun ("to avoid a collapse in prices") says no such thing.
     */
    private static final String COLLAPSED = "collapsed";
    /**
     * Bad news matched as written, since other words share their stems: "a rout in bank shares" ("routing",
     * "routes"), "dilutive to earnings" ("diluted earnings per share" is a figure).
     */
    private static final Set<String> ROUTS = Set.of("rout", "routs", "routed", "dilutive");
    /** "A fire at the plant", "a blaze at the warehouse" (as written: "shots fired at" is no fire of the company's). */
    private static final Set<String> FIRES = Set.of("fire", "fires", "blaze");
    /**
     * "The largest order in the shipyard's history", "the highest level in its history", "the highest level ever
     * measured": a record.
     */
    private static final String HISTORY = EnglishTokenizer.stem("history");
    private static final String EVER = "ever";
    /** "The strongest since 2019": a record of some years. */
    private static final String SINCE = EnglishTokenizer.stem("since");
    /**
     * An order or a contract cancelled, terminated or withdrawn is business lost: bad news, and none of the good
     * cues of the same deal ("cancelled an order worth EUR 15 mn") counts.
     */
    private static final Set<String> CANCELS = stems("cancel cancels cancelled canceled cancelling cancellation "
            + "terminate terminates terminated termination scrap scraps scrapped withdraw withdrew withdrawn");
    private static final Set<String> CANCELLED_DEALS = stems("contract contracts order orders deal deals agreement "
            + "agreements");
    private static final int CANCEL_WINDOW = 3;
    /** "Ended its service contract": as written, and with the deal after it ("the end of the contract" is none). */
    private static final Set<String> ENDED = Set.of("ended", "ends");
    /**
     * A level written with a copula before its figure ("comparable operating profit was EUR 7.9 mn", "revenue came
     * to USD 96 mn", "net debt is EUR 88 mn"): a fact, like "totalled"; a comparison in the sentence adds its own
     * change. Matched as written.
     */
    private static final Set<String> LEVEL_COPULAS = Set.of("was", "were", "is", "are");
    private static final Set<String> CAME = Set.of("came", "comes", "come");
    private static final Set<String> SUPERLATIVES = stems("largest biggest highest best strongest lowest worst "
            + "weakest");
    /** "The biggest loss in its history", "the lowest level in its history": a record of the bad kind. */
    private static final Set<String> BAD_RECORDS = stems("loss losses deficit decline drop lowest worst weakest");
    /** The cues of each trigger word: a token looks up its own cues instead of trying all of them. */
    private static final Map<String, List<Cue>> BY_TRIGGER = byTrigger();
    private static final Set<String> NEGATORS = Set.of("not", EnglishTokenizer.NOT, "no", "never", "without");

    private EnglishFinanceCues() {
    }

    /**
     * Adds the cues found in tokens[from, to) of text, each at the words it came from; {@code attached[t - from]}
     * tells whether token t is a word of a change (its quantity or its direction).
     */
    static void addTo(List<Token> tokens, int from, int to, Map<String, CharRange> features, boolean[] attached) {
        Set<Integer> cancelled = cancelledDeals(tokens, from, to, features);
        for (int t = from; t < to; t++) {
            String key = keyOf(tokens.get(t));
            String lower = tokens.get(t).surface().toLowerCase(Locale.ROOT);
            if (LEVEL_VERBS.contains(lower) || levelFigure(lower, tokens, to, t)) {
                features.putIfAbsent(FACT, new CharRange(tokens.get(t).start(), tokens.get(t).end()));
            }
            if (STATES.contains(key) && t > from && tokens.get(t - 1).key().equals(FROM)) {
                continue; // the state left behind
            }
            if (ROUTS.contains(lower) || FIRES.contains(lower) && t + 1 < to && tokens.get(t + 1).key().equals("at")) {
                features.putIfAbsent(BAD_EVENT, new CharRange(tokens.get(t).start(), tokens.get(t).end()));
            }
            if (COLLAPSED.equals(lower) && !changed(attached, t - from)) {
                features.putIfAbsent(BAD_EVENT, new CharRange(tokens.get(t).start(), tokens.get(t).end()));
            }
            if (key.equals(HISTORY) || key.equals(EVER)
                    || key.equals(SINCE) && t + 1 < to && Character.isDigit(tokens.get(t + 1).key().charAt(0))) {
                addRecordInHistory(tokens, from, t, features);
            }
            for (Cue cue : BY_TRIGGER.getOrDefault(key, List.of())) {
                if (cue.unlessChanged() && changed(attached, t - from)) {
                    continue;
                }
                int object = cue.objects().isEmpty() ? t : objectNear(tokens, from, to, t, cue);
                if (object < 0 || cue.feature().equals(GOOD_EVENT)
                        && (cancelled.contains(object) || cancelled.contains(t))) {
                    continue;
                }
                String feature = cue.feature();
                if (!feature.equals(FACT) && !feature.equals(DEAL) && negated(tokens, from, Math.min(t, object))) {
                    feature = opposite(feature);
                }
                Token first = tokens.get(Math.min(t, object));
                Token last = tokens.get(Math.max(t, object));
                features.putIfAbsent(feature, new CharRange(first.start(), last.end()));
                if (isChangeOfSign(cue)) {
                    features.putIfAbsent(feature.equals(SentimentFeatures.CHANGE_FOR_BETTER) ? CLEAR_BETTER
                            : CLEAR_WORSE, new CharRange(first.start(), last.end()));
                }
            }
        }
    }

    /**
     * Bad events for the orders and contracts cancelled in tokens[from, to) ("cancelled an order worth", "the
     * contract was terminated"), whose token indices are returned: good cues of these deals do not count.
     */
    private static Set<Integer> cancelledDeals(List<Token> tokens, int from, int to, Map<String, CharRange> features) {
        Set<Integer> deals = Set.of();
        for (int t = from; t < to; t++) {
            boolean ended = ENDED.contains(tokens.get(t).surface().toLowerCase(Locale.ROOT));
            if (!CANCELS.contains(tokens.get(t).key()) && !ended) {
                continue;
            }
            for (int d = ended ? 1 : -CANCEL_WINDOW; d <= CANCEL_WINDOW; d++) {
                int o = t + d;
                if (d == 0 || o < from || o >= to || punctuationBetween(tokens, Math.min(t, o), Math.max(t, o))
                        || !CANCELLED_DEALS.contains(tokens.get(o).key())) {
                    continue;
                }
                if (deals.isEmpty()) {
                    deals = new HashSet<>();
                }
                deals.add(o);
                Token first = tokens.get(Math.min(t, o));
                Token last = tokens.get(Math.max(t, o));
                features.putIfAbsent(negated(tokens, from, Math.min(t, o)) ? GOOD_EVENT : BAD_EVENT,
                        new CharRange(first.start(), last.end()));
            }
        }
        return deals;
    }

    private static boolean punctuationBetween(List<Token> tokens, int from, int to) {
        for (int t = from + 1; t < to; t++) {
            if (tokens.get(t).punctuation()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copula ("was", "were", "is", "are") or "came to" / "came in at" right before a figure, or before a currency
     * word and a figure: a level stated.
     */
    private static boolean levelFigure(String surface, List<Token> tokens, int to, int t) {
        int next = t + 1;
        if (CAME.contains(surface)) {
            next = skip(tokens, to, next, "to");
            if (next == t + 1) {
                next = skip(tokens, to, skip(tokens, to, next, "in"), "at");
                if (next != t + 3) {
                    return false;
                }
            }
        } else if (!LEVEL_COPULAS.contains(surface)) {
            return false;
        }
        if (next < to && isCurrency(tokens.get(next))) {
            next++;
        }
        return next < to && Character.isDigit(tokens.get(next).key().charAt(0));
    }

    private static int skip(List<Token> tokens, int to, int i, String word) {
        return i < to && tokens.get(i).key().equals(word) ? i + 1 : i;
    }

    /** A currency code ("EUR", "USD", "SEK") or a currency sign token. */
    private static boolean isCurrency(Token token) {
        String s = token.surface();
        return s.length() == 3 && s.chars().allMatch(Character::isUpperCase) || s.equals("$") || s.equals("€")
                || s.equals("£");
    }

    /**
     * A superlative up to {@value #WINDOW} words before "history" in the same clause is a record: good news, or bad
     * when a loss, a decline or a low is what it measures.
     */
    private static void addRecordInHistory(List<Token> tokens, int from, int t, Map<String, CharRange> features) {
        int superlative = -1;
        boolean bad = false;
        for (int d = 1; d <= WINDOW && t - d >= from && !tokens.get(t - d).punctuation(); d++) {
            String key = tokens.get(t - d).key();
            if (SUPERLATIVES.contains(key)) {
                superlative = t - d;
            }
            bad |= BAD_RECORDS.contains(key);
        }
        if (superlative >= 0) {
            features.putIfAbsent(bad ? BAD_EVENT : GOOD_EVENT,
                    new CharRange(tokens.get(superlative).start(), tokens.get(t).end()));
        }
    }

    private static Map<String, List<Cue>> byTrigger() {
        Map<String, List<Cue>> cues = new java.util.HashMap<>();
        for (Cue cue : CUES) { // in list order, so the first cue of a trigger keeps its precedence
            for (String trigger : cue.triggers()) {
                cues.computeIfAbsent(trigger, k -> new java.util.ArrayList<>()).add(cue);
            }
        }
        return Map.copyOf(cues);
    }

    /** A word of a change, or the first word of one ("impairment charges decreased"). */
    private static boolean changed(boolean[] attached, int i) {
        return attached[i] || i + 1 < attached.length && attached[i + 1];
    }

    /** "Swung to a profit", "turned to a loss" (not "turned negative", which may be said of anything). */
    private static boolean isChangeOfSign(Cue cue) {
        return (cue.feature().equals(SentimentFeatures.CHANGE_FOR_BETTER)
                || cue.feature().equals(SentimentFeatures.CHANGE_FOR_WORSE))
                && (cue.objects().contains(PROFIT) || cue.objects().contains(LOSS));
    }

    /** The nearest object of the cue within the window on its allowed sides, in the same clause; -1 if none. */
    private static int objectNear(List<Token> tokens, int from, int to, int t, Cue cue) {
        boolean after = cue.after() > 0;
        boolean before = cue.before() > 0;
        for (int d = 1; d <= Math.max(WINDOW, cue.after()) && (after || before); d++) {
            if (after && d > cue.after()) {
                after = false;
            }
            if (after && t + d < to) {
                Token token = tokens.get(t + d);
                if (token.punctuation()) {
                    after = false;
                } else if (cue.objects().contains(keyOf(token))) {
                    return t + d;
                }
            }
            if (before && t - d >= from && d <= cue.before()) {
                Token token = tokens.get(t - d);
                if (token.punctuation()) {
                    before = false;
                } else if (cue.objects().contains(keyOf(token))) {
                    return t - d;
                }
            }
        }
        return -1;
    }

    /** A negator up to 3 tokens before, with no punctuation between. */
    private static boolean negated(List<Token> tokens, int from, int t) {
        for (int d = 1; d <= 3 && t - d >= from; d++) {
            Token token = tokens.get(t - d);
            if (token.punctuation()) {
                return false;
            }
            if (NEGATORS.contains(token.key())) {
                return true;
            }
        }
        return false;
    }

    private static String opposite(String feature) {
        return switch (feature) {
            case GOOD_EVENT -> BAD_EVENT;
            case BAD_EVENT -> GOOD_EVENT;
            case SentimentFeatures.CHANGE_FOR_BETTER -> SentimentFeatures.CHANGE_FOR_WORSE;
            default -> SentimentFeatures.CHANGE_FOR_BETTER;
        };
    }

    private static String keyOf(Token token) {
        char c = token.key().charAt(0);
        return c >= '0' && c <= '9' ? "<num>" : token.key();
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        Arrays.stream(words.split(" ")).map(w -> w.startsWith("<") ? w : EnglishTokenizer.stem(w)).forEach(stems::add);
        return Set.copyOf(stems);
    }
}
