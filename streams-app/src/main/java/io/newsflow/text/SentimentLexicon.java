package io.newsflow.text;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sentiment lexicon for one language, loaded from a tab-separated UTF-8 file:
 *
 * <pre>
 * # term          weight   kind (optional, default polar)
 * plunge          -0.8
 * record demand   0.8
 * sharply         1.5      intensifier
 * not             0        negator
 * but             0        clause
 * </pre>
 *
 * <ul>
 *   <li>{@code polar}: weight in [-1, 1], the term's tone.</li>
 *   <li>{@code intensifier}: weight is a multiplier (&gt; 0, typically 1.3-1.8) applied to a nearby polar term.</li>
 *   <li>{@code negator}: flips a nearby polar term (English: before it; Japanese: after it). Weight ignored.</li>
 *   <li>{@code clause}: a word that starts a new clause ("but", "while", 一方), so that tone is attributed to
 *       the company named in the same clause. Weight ignored.</li>
 * </ul>
 * A term may be several words; it is tokenized with the same tokenizer as articles and matched on token keys
 * (English: stems, so "plunge" also matches "plunged"/"plunges"; Japanese: dictionary forms, so 急落 matches
 * 急落した and 強い matches 強かった). The longest term starting at a token wins. A term listed twice keeps
 * its last line (see {@link #duplicates()}). Immutable and thread-safe.
 */
public final class SentimentLexicon {

    public enum Kind { POLAR, INTENSIFIER, NEGATOR, CLAUSE }

    /** A lexicon line: the term as written, its kind and weight, and the token keys it matches. */
    public record Entry(String term, Kind kind, double weight, List<String> keys) {
    }

    /** An entry found at tokens [from, to). */
    record Hit(Entry entry, int from, int to) {
    }

    private final Language language;
    private final Map<String, List<Entry>> byFirstKey;
    private final List<String> duplicates;
    private final int size;

    private SentimentLexicon(Language language, Map<List<String>, Entry> entries, List<String> duplicates) {
        this.language = language;
        Map<String, List<Entry>> index = new HashMap<>();
        for (Entry e : entries.values()) {
            index.computeIfAbsent(e.keys().get(0), k -> new ArrayList<>()).add(e);
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((Entry e) -> e.keys().size()).reversed()));
        this.byFirstKey = index;
        this.duplicates = List.copyOf(duplicates);
        this.size = entries.size();
    }

    public static SentimentLexicon defaults(Language language) {
        return fromResource(defaultResource(language), language);
    }

    public static String defaultResource(Language language) {
        return "text/lexicon-" + language.name().toLowerCase(Locale.ROOT) + ".tsv";
    }

    public static SentimentLexicon fromResource(String resource, Language language) {
        return parse(TsvFile.openResource(resource, "lexicon"), language, resource);
    }

    public static SentimentLexicon fromFile(Path path, Language language) {
        return parse(TsvFile.open(path), language, path.toString());
    }

    /** Parses the format in the class comment; a malformed line fails with its line number. */
    public static SentimentLexicon parse(Reader reader, Language language, String sourceName) {
        Map<List<String>, Entry> entries = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        TsvFile.read(reader, sourceName, (line, location) -> {
            Entry entry = parseLine(line, language, location);
            Entry previous = entries.put(entry.keys(), entry);
            if (previous != null) {
                duplicates.add(previous.term() + " / " + entry.term());
            }
        });
        return new SentimentLexicon(language, entries, duplicates);
    }

    private static Entry parseLine(String line, Language language, String where) {
        String[] columns = line.split("\t+");
        if (columns.length < 2 || columns.length > 3) {
            throw new IllegalArgumentException(where + ": expected 'term<TAB>weight[<TAB>kind]', got: " + line);
        }
        String term = ArticleText.normalize(columns[0].strip());
        double weight;
        try {
            weight = Double.parseDouble(columns[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": weight is not a number: " + columns[1]);
        }
        Kind kind;
        try {
            kind = columns.length == 3 ? Kind.valueOf(columns[2].strip().toUpperCase(Locale.ROOT)) : Kind.POLAR;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": kind must be polar, intensifier, negator or clause: " + columns[2]);
        }
        if (kind == Kind.POLAR && (weight < -1 || weight > 1 || Double.isNaN(weight))) {
            throw new IllegalArgumentException(where + ": polar weight must be in [-1, 1]: " + weight);
        }
        if (kind == Kind.INTENSIFIER && !(weight > 0)) {
            throw new IllegalArgumentException(where + ": intensifier weight must be a positive multiplier: " + weight);
        }
        List<String> keys = keysOf(term, language);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(where + ": term has no words: " + columns[0]);
        }
        return new Entry(term, kind, weight, keys);
    }

    private static List<String> keysOf(String term, Language language) {
        List<Token> tokens = language == Language.JA
                ? new KuromojiTokenizer().tokenize(term)
                : new EnglishTokenizer().tokenize(term);
        List<String> keys = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.punctuation()) {
                keys.add(t.key());
            }
        }
        return Collections.unmodifiableList(keys);
    }

    public Language language() {
        return language;
    }

    public int size() {
        return size;
    }

    /** Terms listed more than once (earlier / later), e.g. two spellings with the same stem. */
    public List<String> duplicates() {
        return duplicates;
    }

    /** Lexicon entries in tokens[from, to), left to right, longest first at each position, not overlapping. */
    List<Hit> find(List<Token> tokens, int from, int to) {
        List<Hit> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token token = tokens.get(i);
            Entry match = token.punctuation() ? null : longestAt(tokens, i, to);
            if (match == null) {
                i++;
            } else {
                hits.add(new Hit(match, i, i + match.keys().size()));
                i += match.keys().size();
            }
        }
        return hits;
    }

    private Entry longestAt(List<Token> tokens, int i, int to) {
        List<Entry> candidates = byFirstKey.get(tokens.get(i).key());
        if (candidates == null) {
            return null;
        }
        for (Entry e : candidates) {
            List<String> keys = e.keys();
            if (i + keys.size() > to) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < keys.size() && all; k++) {
                Token t = tokens.get(i + k);
                all = !t.punctuation() && t.key().equals(keys.get(k));
            }
            if (all) {
                return e;
            }
        }
        return null;
    }
}
