package io.newsflow.ingest.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads articles from files and directories (walked recursively in name order, hidden files
 * skipped). The format follows the file: {@code .jsonl}/{@code .ndjson} are JSON Lines; a file whose
 * first line is {@code ---} is Markdown with front matter; anything else is plain text. Inside
 * directories only {@code .md .markdown .txt .jsonl .ndjson} files are read and any other file is
 * reported as skipped. Every bad file or line is reported with its reason; the rest go through.
 */
public final class ArticleLoader {

    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt", ".jsonl", ".ndjson");

    private final long maxBytes;
    private final String defaultSource;
    private final ArticleFactory factory;
    private final FrontMatterArticleParser frontMatter = new FrontMatterArticleParser();
    private final PlainTextArticleParser plainText = new PlainTextArticleParser();
    private final JsonLinesArticleParser jsonLines = new JsonLinesArticleParser();

    public ArticleLoader(long maxBytes, String defaultSource, ArticleFactory factory) {
        this.maxBytes = maxBytes;
        this.defaultSource = defaultSource;
        this.factory = factory;
    }

    public ArticleLoader() {
        this(TextFiles.DEFAULT_MAX_ARTICLE_BYTES, "local", new ArticleFactory());
    }

    public Parsed<ArticleEvent> load(List<Path> paths) {
        Parsed<ArticleEvent> all = Parsed.of(List.of(), List.of());
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                all = all.plus(loadDirectory(path));
            } else {
                all = all.plus(loadFile(path));
            }
        }
        return all;
    }

    private Parsed<ArticleEvent> loadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return Parsed.failed(dir.toString(), "cannot list directory: " + e.getMessage());
        }
        Parsed<ArticleEvent> all = Parsed.of(List.of(), List.of());
        for (Path file : files) {
            if (EXTENSIONS.stream().anyMatch(ext -> lowerName(file).endsWith(ext))) {
                all = all.plus(loadFile(file));
            } else {
                all = all.plus(Parsed.failed(file.toString(), "skipped: not an article file type " + EXTENSIONS));
            }
        }
        return all;
    }

    public Parsed<ArticleEvent> loadFile(Path file) {
        String location = file.toString();
        if (!Files.exists(file)) {
            return Parsed.failed(location, "no such file");
        }
        String text;
        try {
            text = TextFiles.read(file, maxBytes);
        } catch (BadInputException e) {
            return Parsed.failed(location, e.getMessage());
        }
        if (text.isBlank()) {
            return Parsed.failed(location, "no text: file is empty");
        }
        String name = lowerName(file);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            Parsed<ArticleDraft> drafts = jsonLines.parse(text, location, defaultSource);
            return Parsed.of(drafts.records().stream().map(factory::build).toList(), drafts.problems());
        }
        try {
            ArticleDraft draft = FrontMatterArticleParser.hasFrontMatter(text)
                    ? frontMatter.parse(text, defaultSource)
                    : plainText.parse(text, defaultSource, modifiedTime(file));
            return Parsed.of(List.of(factory.build(draft)), List.of());
        } catch (BadInputException e) {
            return Parsed.of(List.of(), List.of(new Problem(location, e.getMessage())));
        }
    }

    private static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static Instant modifiedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
