package io.newsflow.ingest.article;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the Markdown and HTML remnants that pages saved as text carry, keeping the words: a link
 * keeps its text ({@code [Meta](/stocks/meta)} becomes {@code Meta}), images, HTML comments, scripts
 * and styles go, tags go, heading, quote and emphasis marks and inline-code ticks go, entities are
 * decoded, and end markers such as {@code ---END---} go. Headings may sit inside a line (a page
 * whose text was run together into one line), so {@code ## } is removed wherever it starts a word.
 * This is the text the analysis reads; the body keeps the source's text.
 */
public final class Markup {

    private static final Pattern HTML_BLOCKS = Pattern.compile("(?is)<!--.*?-->|<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*]\\([^)\\n]*\\)|!\\[[^\\]\\n]*]\\[[^\\]\\n]*]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\((?:[^()\\s]|\\([^()\\s]*\\))*(?:\\s+\"[^\"]*\")?\\)"
            + "|\\[([^\\]\\n]+)]\\[[^\\]\\n]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?/?>");
    /** Tags inside a run of text: removed without a space, so {@code <b>Meta</b>.} stays {@code Meta.}. */
    private static final Set<String> INLINE_TAGS = Set.of("a", "abbr", "b", "cite", "code", "em", "font", "i", "mark",
            "q", "s", "small", "span", "strong", "sub", "sup", "time", "u");
    private static final Pattern END_MARKER = Pattern.compile(
            "(?i)[-=*_~#]{2,}\\s*(?:end(?: of (?:article|story|text))?|fin|終わり|了)\\s*[-=*_~#]{2,}");
    private static final Pattern HEADING = Pattern.compile("(?m)(^|\\s)#{1,6}(?=\\s)");
    private static final Pattern QUOTE = Pattern.compile("(?m)^\\s*>+\\s?");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STAR = Pattern.compile("(?<![*\\w])\\*(?=[^\\s*])([^*\\n]*?)(?<=[^\\s*])\\*(?![*\\w])");
    private static final Pattern UNDERSCORE = Pattern.compile("(?<![_\\p{L}\\p{N}])_(?=[^\\s_])([^_\\n]*?)(?<=[^\\s_])_(?![_\\p{L}\\p{N}])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern CODE = Pattern.compile("`+([^`\\n]+?)`+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("yen", "¥"),
            Map.entry("euro", "€"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"));

    private Markup() {
    }

    public static String strip(String text) {
        String s = HTML_BLOCKS.matcher(text).replaceAll(" ");
        s = IMAGE.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        s = AUTOLINK.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll(m -> INLINE_TAGS.contains(m.group(1).toLowerCase(Locale.ROOT)) ? "" : " ");
        s = END_MARKER.matcher(s).replaceAll(" ");
        s = HEADING.matcher(s).replaceAll("$1");
        s = QUOTE.matcher(s).replaceAll("");
        s = STRONG.matcher(s).replaceAll("$2");
        s = STRIKE.matcher(s).replaceAll("$1");
        s = STAR.matcher(s).replaceAll("$1");
        s = UNDERSCORE.matcher(s).replaceAll("$1");
        s = CODE.matcher(s).replaceAll("$1");
        return ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }

    private static String decode(String entity, String whole) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity, whole);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int cp = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
    }
}
