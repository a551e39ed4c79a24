package io.newsflow.text;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entities and their aliases, loaded from a tab-separated file (UTF-8), one entity per line:
 *
 * <pre>
 * # name          ticker   aliases, separated by |
 * Meta Platforms  META     Meta|~Facebook|メタ|メタ・プラットフォームズ|フェイスブック
 * OpenAI          -        ~OpenAI|オープンAI
 * </pre>
 *
 * <p>A ticker of "-" means none. The name and the ticker are aliases too. Matching rules, chosen so that the
 * same rule works for both scripts without tokenizing:
 * <ul>
 *   <li>Aliases are case-sensitive ("Meta" is not "meta"); prefix an alias with {@code ~} to match any casing
 *       (for unambiguous names: "~Nvidia" matches NVIDIA, Nvidia, nVidia).</li>
 *   <li>An alias that starts (ends) with a Latin letter or digit must not be preceded (followed) by one:
 *       "Meta" is not found in "Metadata"; "$META" and "米Metaの" do match.</li>
 *   <li>An alias that starts (ends) with katakana must not be preceded (followed) by katakana, because
 *       Japanese katakana compounds have no spaces: メタ is not found in メタン (methane) nor in メタバース
 *       (the metaverse is an industry theme, not the company), but is found in メタ株 and メタ・プラットフォームズ
 *       (the middle dot separates words).</li>
 *   <li>Overlapping matches keep the longest ("Meta Platforms" is one mention, not two).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class AliasDictionary {

    public static final String DEFAULT_RESOURCE = "text/entities.tsv";

    private final List<EntityDefinition> entities;
    private final List<Alias> aliases;
    private final Map<String, EntityDefinition> byLowerCaseAlias;
    private final Map<String, EntityDefinition> byTicker;
    private final Map<String, EntityDefinition> byName;
    private final boolean anyIgnoreCase;

    /** needle is the text to search for: the alias, lower-cased when it ignores case. */
    private record Alias(String text, boolean ignoreCase, String needle, EntityDefinition entity) {
    }

    private AliasDictionary(List<EntityDefinition> entities, List<Alias> aliases) {
        this.entities = List.copyOf(entities);
        this.aliases = List.copyOf(aliases);
        Map<String, EntityDefinition> lower = new HashMap<>();
        Map<String, EntityDefinition> tickers = new HashMap<>();
        Map<String, EntityDefinition> names = new HashMap<>();
        for (EntityDefinition e : entities) {
            names.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
            if (e.ticker() != null) {
                tickers.putIfAbsent(e.ticker().toUpperCase(Locale.ROOT), e);
            }
        }
        for (Alias a : aliases) {
            lower.putIfAbsent(a.text().toLowerCase(Locale.ROOT), a.entity());
        }
        this.byLowerCaseAlias = lower;
        this.byTicker = tickers;
        this.byName = names;
        this.anyIgnoreCase = aliases.stream().anyMatch(Alias::ignoreCase);
    }

    /** The dictionary shipped in the jar ({@value #DEFAULT_RESOURCE}). */
    public static AliasDictionary defaults() {
        return fromResource(DEFAULT_RESOURCE);
    }

    public static AliasDictionary fromResource(String resource) {
        return parse(TsvFile.openResource(resource, "alias dictionary"), resource);
    }

    public static AliasDictionary fromFile(Path path) {
        return parse(TsvFile.open(path), path.toString());
    }

    /** Parses the tab-separated format described in the class comment; a malformed line fails with its number. */
    public static AliasDictionary parse(Reader reader, String sourceName) {
        List<EntityDefinition> entities = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        TsvFile.read(reader, sourceName, (line, location) -> {
            String[] columns = line.split("\t+");
            if (columns.length != 3 || columns[0].isBlank()) {
                throw new IllegalArgumentException(location
                        + ": expected 'name<TAB>ticker-or-minus<TAB>alias|alias...', got: " + line);
            }
            addEntity(columns, entities, aliases);
        });
        return new AliasDictionary(entities, aliases);
    }

    private static void addEntity(String[] columns, List<EntityDefinition> entities, List<Alias> aliases) {
        String name = columns[0].strip();
        String ticker = columns[1].strip();
        ticker = ticker.equals("-") || ticker.isEmpty() ? null : ticker;
        Set<String> written = new LinkedHashSet<>();
        written.add(name);
        if (ticker != null) {
            written.add(ticker);
        }
        for (String alias : columns[2].split("\\|")) {
            if (!alias.isBlank()) {
                written.add(ArticleText.normalize(alias.strip()));
            }
        }
        EntityDefinition entity = new EntityDefinition(name, ticker, new ArrayList<>(written));
        entities.add(entity);
        for (String alias : written) {
            boolean ignoreCase = alias.startsWith("~");
            String text = ignoreCase ? alias.substring(1) : alias;
            if (!text.isEmpty()) {
                aliases.add(new Alias(text, ignoreCase, ignoreCase ? lowerCaseSameLength(text) : text, entity));
            }
        }
    }

    public List<EntityDefinition> entities() {
        return entities;
    }

    /** The definition behind a resolved mention: by ticker, else by canonical name; null when unknown. */
    public EntityDefinition find(EntityMention mention) {
        if (mention == null) {
            return null;
        }
        if (mention.ticker() != null) {
            EntityDefinition byTickerMatch = byTicker.get(mention.ticker().toUpperCase(Locale.ROOT));
            if (byTickerMatch != null) {
                return byTickerMatch;
            }
        }
        return mention.entity() == null ? null : byName.get(mention.entity().toLowerCase(Locale.ROOT));
    }

    /**
     * The entity a publisher tag names: the tag, without "$" or an exchange prefix ("NASDAQ:META"), equal to
     * any alias in any casing; otherwise the first alias found inside the tag by the text rules. Null if none.
     */
    public EntityDefinition matchTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = ArticleText.normalize(tag.strip());
        int colon = t.indexOf(':');
        if (colon > 0 && colon < t.length() - 1) {
            t = t.substring(colon + 1).strip();
        }
        if (t.startsWith("$")) {
            t = t.substring(1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        EntityDefinition exact = byLowerCaseAlias.get(lower);
        if (exact != null) {
            return exact;
        }
        List<AliasMatch> inside = findMatches(t);
        return inside.isEmpty() ? null : inside.get(0).entity();
    }

    /** Every alias occurrence in text, by start offset, overlaps resolved to the longest match. */
    public List<AliasMatch> findMatches(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String lower = anyIgnoreCase ? lowerCaseSameLength(text) : null;
        List<AliasMatch> found = new ArrayList<>();
        for (Alias alias : aliases) {
            String haystack = alias.ignoreCase() ? lower : text;
            String needle = alias.needle();
            int from = 0;
            int at;
            while ((at = haystack.indexOf(needle, from)) >= 0) {
                int end = at + needle.length();
                if (boundaryBefore(text, at) && boundaryAfter(text, end)) {
                    found.add(new AliasMatch(alias.entity(), alias.text(), at, end));
                }
                from = at + 1;
            }
        }
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(AliasMatch::start)
                .thenComparing(Comparator.comparingInt((AliasMatch m) -> m.end() - m.start()).reversed()));
        List<AliasMatch> kept = new ArrayList<>(found.size());
        int coveredUntil = -1;
        for (AliasMatch m : found) {
            if (m.start() >= coveredUntil) {
                kept.add(m);
                coveredUntil = m.end();
            }
        }
        return Collections.unmodifiableList(kept);
    }

    private static boolean boundaryBefore(String text, int start) {
        if (start == 0) {
            return true;
        }
        return !sameWordClass(text.charAt(start), text.charAt(start - 1));
    }

    private static boolean boundaryAfter(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        return !sameWordClass(text.charAt(end - 1), text.charAt(end));
    }

    /** Whether neighbour would continue the word that edge (the alias's first or last char) belongs to. */
    private static boolean sameWordClass(char edge, char neighbour) {
        if (Scripts.isLatinWordChar(edge)) {
            return Scripts.isLatinWordChar(neighbour);
        }
        if (Scripts.isKatakana(edge)) {
            return Scripts.isKatakana(neighbour);
        }
        return false;
    }

    /** Per-char lower-casing keeps offsets aligned with the original text (String.toLowerCase may not). */
    private static String lowerCaseSameLength(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
