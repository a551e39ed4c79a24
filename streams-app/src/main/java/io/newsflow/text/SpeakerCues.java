package io.newsflow.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an English mention names who speaks rather than whom the clause is about: followed by a role ("X
 * analyst Y said", "X strategists") or by a reporting verb not about itself ("BofA said in a note", but not "Meta
 * said its sales rose"), or preceded by "according to", "analysts at". The tone of what a bank's analyst says is
 * not the bank's. Japanese mentions are never speakers here.
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

    private SpeakerCues() {
    }

    /** Whether the mention covering tokens[first, last] of the sentence tokens[from, to) is a speaker. */
    static boolean speaker(List<Token> tokens, int from, int to, int first, int last) {
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
                return !selfReport(tokens, t + 1, to);
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
