package io.newsflow.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an English mention names who speaks rather than whom the clause is about: followed by a role ("X
 * analyst Y said", "X strategists") or by a reporting verb not about itself ("BofA said in a note", but not "Meta
 * said its sales rose"), or preceded by "according to", "analysts at". The tone of what a bank's analyst says is
 * not the bank's. Likewise the source of data ("according to data from X", "per X", "X data showed") and the
 * employer of a quoted person ("said Jane Roe, fund manager at X", "co-founder of research firm X"): the tone of
 * what they report or say is not theirs. Japanese mentions are never speakers here.
 */
final class SpeakerCues {

    private static final Set<String> ROLES = Set.of("analyst", "analysts", "strategist", "strategists", "economist",
            "economists");
    private static final Set<String> REPORTING = Set.of("said", "say", "says", "told", "note", "noted", "notes",
            "wrote", "write", "writes");
    /** After a reporting verb, the speaker talks about itself: "X said its sales rose" is about X. */
    private static final Set<String> SELF = Set.of("its", "it", "it's", "they", "their", "we", "our", "itself");
    private static final Set<String> BEFORE = Set.of("according", "analyst", "analysts", "strategist", "strategists",
            "economist", "economists");
    private static final int WINDOW = 3;
    /** Nouns after which a source's name is what reports: "X data showed", "a X report", "X said in a note". */
    private static final Set<String> SOURCE_AFTER = Set.of("data", "report", "survey", "poll");
    /** Words before a source: "according to (data from) X", "data compiled by X". */
    private static final Set<String> SOURCE_BEFORE = Set.of("according", "compiled");
    /** Roles of a quoted person; "at"/"of" X after one names the person's employer ("fund manager at X"). */
    private static final Set<String> PERSON_ROLES = Set.of("president", "founder", "co-founder", "cofounder",
            "manager", "managers", "partner", "head", "director", "strategist", "strategists", "analyst",
            "analysts", "economist", "economists", "officer", "adviser", "advisor", "trader", "traders",
            "researcher", "professor", "consultant", "consultancy");
    private static final int AFFILIATION_WINDOW = 7;

    private SpeakerCues() {
    }

    /** Whether the mention covering tokens[first, last] of the sentence tokens[from, to) is a speaker. */
    static boolean speaker(List<Token> tokens, int from, int to, int first, int last) {
        return speaker(tokens, from, to, first, last, true);
    }

    /**
     * Whether the mention is plainly a source, not a company reporting about itself: an analyst's or an
     * economist's employer, a data provider ("according to X"), never "X said ..." (which is often "X said sales
     * rose", about X).
     */
    static boolean source(List<Token> tokens, int from, int to, int first, int last) {
        return speaker(tokens, from, to, first, last, false);
    }

    private static boolean speaker(List<Token> tokens, int from, int to, int first, int last, boolean saying) {
        for (int t = last + 1; t <= last + WINDOW && t < to; t++) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                break;
            }
            String word = lower(token);
            if (ROLES.contains(word)) {
                return true;
            }
            if (REPORTING.contains(word)) {
                if (saying) {
                    return !selfReport(tokens, t + 1, to);
                }
                break;
            }
        }
        for (int t = first - 1; t >= first - WINDOW && t >= from; t--) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                break;
            }
            if (BEFORE.contains(lower(token))) {
                return true;
            }
        }
        return dataSource(tokens, from, to, first, last) || affiliation(tokens, from, first);
    }

    /** "according to data from X", "per X", "data from X", "X data showed": X is where figures come from. */
    private static boolean dataSource(List<Token> tokens, int from, int to, int first, int last) {
        if (last + 1 < to && SOURCE_AFTER.contains(lower(tokens.get(last + 1)))) {
            return true;
        }
        if (first > from && lower(tokens.get(first - 1)).equals("per")
                && (first - 1 == from || tokens.get(first - 2).punctuation())) {
            return true; // ", per X," not "$100 per barrel and X"
        }
        for (int t = first - 1; t >= first - 5 && t >= from; t--) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                return false;
            }
            String word = lower(token);
            if (SOURCE_BEFORE.contains(word) || word.equals("from") && t > from
                    && Set.of("data", "figures", "estimates").contains(lower(tokens.get(t - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** "fund manager at X", "president of X", "managing partner of venture firm X": X employs who is quoted. */
    private static boolean affiliation(List<Token> tokens, int from, int first) {
        for (int t = first - 1; t >= first - AFFILIATION_WINDOW && t > from; t--) {
            Token token = tokens.get(t);
            if (token.punctuation()) {
                return false;
            }
            String word = lower(token);
            if (REPORTING.contains(word)) {
                return false; // "analysts at X said Y's profit rose": Y is what is said about
            }
            if (word.equals("at") || word.equals("of")) {
                for (int r = t - 1; r >= t - 3 && r >= from; r--) {
                    if (tokens.get(r).punctuation()) {
                        break;
                    }
                    if (PERSON_ROLES.contains(lower(tokens.get(r)))) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static boolean selfReport(List<Token> tokens, int from, int to) {
        for (int t = from; t < from + 4 && t < to; t++) {
            if (SELF.contains(lower(tokens.get(t)))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(Token token) {
        return token.surface().toLowerCase(Locale.ROOT);
    }
}
