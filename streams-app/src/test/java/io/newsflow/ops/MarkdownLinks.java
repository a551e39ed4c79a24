package io.newsflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative links in Markdown files, and whether they resolve: the target file exists and, for
 * {@code path#anchor} or {@code #anchor}, the target has a heading with that anchor under GitHub's rules
 * (lower-case, markup and punctuation other than {@code -} and {@code _} removed, spaces to {@code -},
 * a repeated heading gets {@code -1}, {@code -2}, ...). External links (a URI scheme) are not followed.
 */
final class MarkdownLinks {

    /** {@code [text](target)} or {@code ![alt](target "title")}; the text may hold inline code. */
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\\\]|\\\\.)*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root;
    }

    /** Every broken relative link in {@code file}, as {@code file:line: target (why)}. */
    List<String> broken(Path file) {
        List<String> problems = new ArrayList<>();
        List<String> lines = prose(read(file));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                String why = check(file, target);
                if (why != null) {
                    problems.add(root.relativize(file) + ":" + (i + 1) + ": " + target + " (" + why + ")");
                }
            }
        }
        return problems;
    }

    private String check(Path file, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = pathPart.isEmpty() ? file
                : file.getParent().resolve(URLDecoder.decode(pathPart, StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!Files.isRegularFile(resolved) || !resolved.getFileName().toString().endsWith(".md")) {
            return "anchor into a file that is not Markdown";
        }
        return anchors(resolved).contains(anchor) ? null : "no heading with anchor #" + anchor;
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    Set<String> anchors(Path file) {
        return anchorsByFile.computeIfAbsent(file, f -> {
            Set<String> anchors = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : prose(read(f))) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String slug = slug(m.group(2));
                    int n = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(n == 0 ? slug : slug + "-" + n);
                }
            }
            return anchors;
        });
    }

    static String slug(String headingText) {
        String text = headingText.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1"); // a link counts by its text
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }

    /** The file's lines with fenced code blocks blanked (line numbers kept): no links or headings there. */
    private static List<String> prose(String text) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find()) {
                fence = m.group(1);
                lines.add("");
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
