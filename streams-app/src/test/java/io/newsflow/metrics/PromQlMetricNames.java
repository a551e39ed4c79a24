package io.newsflow.metrics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression selects, so dashboards and alert rules can be checked
 * against what the app exports without a Prometheus server. It is a lexer, not a parser: it skips
 * strings, label matchers ({@code {...}}), ranges ({@code [...]}), label lists after
 * {@code by/without/on/ignoring/group_left/group_right}, numbers and durations, keywords and
 * Grafana variables ({@code $ticker}, {@code ${x}}, {@code $__rate_interval}); an identifier
 * followed by {@code (} is a function or aggregation. What remains are metric names, including
 * histogram series such as {@code x_bucket}.
 */
public final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "atan2", "inf", "nan");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern GROUPING_PREFIX = Pattern.compile("(?i)(by|without)\\s*\\(");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*[\"'`]([a-zA-Z_:][a-zA-Z0-9_:]*)[\"'`]");

    private PromQlMetricNames() {
    }

    /** Metric names selected by {@code expr}, in order of first appearance. */
    public static Set<String> extract(String expr) {
        Set<String> names = new LinkedHashSet<>();
        String s = expr == null ? "" : expr;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
            } else if (c == '#') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (c == '{') {
                int end = closing(s, i, '{', '}');
                Matcher byName = NAME_MATCHER.matcher(s.substring(i, end));
                if (byName.find()) {
                    names.add(byName.group(1));
                }
                i = end;
            } else if (c == '[') {
                i = closing(s, i, '[', ']');
            } else if (c == '$') {
                i = skipVariable(s, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                // numbers, hex, exponents and durations (5m, 1h30m) are never names
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                    i++;
                }
            } else if (isNameStart(c)) {
                int start = i;
                while (i < s.length() && isNamePart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                int next = skipSpaces(s, i);
                // "sum by (x) (...)": an aggregation whose grouping comes first is no metric either
                boolean call = next < s.length() && (s.charAt(next) == '('
                        || GROUPING_PREFIX.matcher(s).region(next, s.length()).lookingAt());
                String lower = word.toLowerCase(Locale.ROOT);
                if (LABEL_LIST_KEYWORDS.contains(lower)) {
                    i = call ? closing(s, next, '(', ')') : i;
                } else if (!call && !KEYWORDS.contains(lower)) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /**
     * Null when {@code expr} is non-blank with balanced (), {}, [] and closed strings, else what is wrong.
     */
    public static String syntaxProblem(String expr) {
        if (expr == null || expr.isBlank()) {
            return "empty expression";
        }
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = skipString(expr, i);
                if (end > expr.length()) {
                    return "unterminated string at " + i;
                }
                i = end - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                open.push(c);
            } else if (c == ')' || c == '}' || c == ']') {
                char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
                if (open.isEmpty() || open.pop() != expected) {
                    return "unbalanced '" + c + "' at " + i;
                }
            }
        }
        return open.isEmpty() ? null : "unclosed '" + open.peek() + "'";
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just past the closing quote (or the end of input when unterminated). */
    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
                continue;
            }
            if (c == quote) {
                return j + 1;
            }
            j++;
        }
        return s.length() + 1;
    }

    /** Index just past the bracket closing the one at {@code i} (strings inside are skipped). */
    private static int closing(String s, int i, char open, char close) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'' || c == '`') {
                j = Math.min(skipString(s, j), s.length());
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private static int skipVariable(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '{') {
            return closing(s, j, '{', '}');
        }
        while (j < s.length() && isNamePart(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
