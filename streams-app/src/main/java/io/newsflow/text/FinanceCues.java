package io.newsflow.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Business-news cues of one language (format in {@code text/finance-cues-ja.tsv}): a pattern of token keys, with
 * {@code ~} for a short gap inside the clause, and a sign: good news (+1), bad news (-1) or a fact or schedule (0).
 * What a cue weighs is learned by the model; the cue says only which kind of thing happened. Immutable and
 * thread-safe.
 */
final class FinanceCues {

    /** Tokens a {@code ~} may skip. */
    static final int MAX_GAP = 4;
    private static final String GAP = "~";

    /** A cue line: its readable name (the pattern without spaces), sign and the keys it matches. */
    record Cue(String name, int sign, List<String> keys) {
    }

    /** A cue found at tokens [from, to), its sign flipped when a negation follows it. */
    record Match(Cue cue, int from, int to, boolean negated) {
        int sign() {
            return negated ? -cue.sign : cue.sign;
        }
    }

    private final Map<String, List<Cue>> byFirstKey;

    private FinanceCues(List<Cue> cues) {
        Map<String, List<Cue>> index = new HashMap<>();
        for (Cue cue : cues) {
            index.computeIfAbsent(cue.keys().get(0), k -> new ArrayList<>()).add(cue);
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((Cue c) -> c.keys().size()).reversed()));
        this.byFirstKey = index;
    }

    static FinanceCues japanese() {
        return fromResource("text/finance-cues-ja.tsv");
    }

    static FinanceCues fromResource(String resource) {
        List<Cue> cues = new ArrayList<>();
        TsvFile.read(TsvFile.openResource(resource, "finance cues"), resource, (line, location) -> {
            String[] columns = line.split("\t");
            if (columns.length != 2 || !List.of("+", "-", "0").contains(columns[1].strip())) {
                throw new IllegalArgumentException(location + ": expected 'pattern<TAB>+|-|0', got: " + line);
            }
            List<String> keys = Arrays.asList(columns[0].strip().split(" +"));
            if (keys.get(0).equals(GAP) || keys.get(keys.size() - 1).equals(GAP)) {
                throw new IllegalArgumentException(location + ": a pattern cannot start or end with " + GAP);
            }
            String sign = columns[1].strip();
            cues.add(new Cue(String.join("", keys), sign.equals("+") ? 1 : sign.equals("-") ? -1 : 0, List.copyOf(keys)));
        });
        return new FinanceCues(cues);
    }

    /** The cues in tokens[from, to), left to right, not overlapping; the longest pattern wins at a token. */
    List<Match> find(List<Token> tokens, int from, int to) {
        List<Match> matches = new ArrayList<>();
        int t = from;
        while (t < to) {
            List<Cue> candidates = byFirstKey.get(tokens.get(t).key());
            int end = -1;
            Cue found = null;
            if (candidates != null) {
                for (Cue cue : candidates) {
                    end = matchEnd(cue, tokens, t, to);
                    if (end > 0) {
                        found = cue;
                        break;
                    }
                }
            }
            if (found == null) {
                t++;
                continue;
            }
            matches.add(new Match(found, t, end, JapaneseFeatures.negated(tokens, end - 1, to)));
            t = end;
        }
        return matches;
    }

    /** The end (exclusive) of the cue matched from token t, or -1. */
    private static int matchEnd(Cue cue, List<Token> tokens, int t, int to) {
        int u = t;
        boolean gap = false;
        for (String key : cue.keys()) {
            if (key.equals(GAP)) {
                gap = true;
                continue;
            }
            int limit = gap ? Math.min(to, u + MAX_GAP + 1) : Math.min(to, u + 1);
            int at = -1;
            for (int v = u; v < limit; v++) {
                if (tokens.get(v).key().equals(key)) {
                    at = v;
                    break;
                }
                if (tokens.get(v).punctuation()) {
                    break;
                }
            }
            if (at < 0) {
                return -1;
            }
            u = at + 1;
            gap = false;
        }
        return u;
    }
}
