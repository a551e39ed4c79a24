package io.newsflow.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import io.newsflow.config.AppConfig;
import io.newsflow.ingest.ArticleOptions;
import io.newsflow.ingest.BadInput;
import io.newsflow.ingest.Parsed;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.TopologySettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow inspect <files or dirs...> [--json] [--source NAME] [--max-bytes N]}: what the pipeline
 * makes of article files, without a broker. The files are read as {@code produce articles} reads them
 * (same parsers, same {@code bad input:} lines and exit codes, {@link BadInput}); each article is then
 * shown with its parsed fields, its fragments with repeat and truncation marks, the share of its text
 * that repeats, the most similar article inspected before it, and its entities with their sentiment and
 * its evidence ({@link ArticleInspector}).
 * With {@code --json}, one JSON object per article per line on stdout, and the bad-input lines on
 * stderr so that stdout stays JSON Lines.
 */
@Command(name = "inspect",
        description = {"Show what the pipeline makes of article files, without a broker: fields, fragments, repeats, "
                + "entities, sentiment and its evidence.", "Reads the files as `produce articles` does (docs/ingest.md)."})
public final class InspectCommand implements CliCommand {

    private static final int SHOWN_FRAGMENT_CHARS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream err;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "article files or directories")
    private List<Path> files;

    @Option(names = "--json", description = "one JSON object per article per line on stdout; bad-input lines on stderr")
    private boolean json;

    @Mixin
    private ArticleOptions articles;

    public InspectCommand() {
        this(System.err);
    }

    InspectCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public int run(AppConfig config, PrintStream out) throws JsonProcessingException {
        Parsed<ArticleEvent> parsed = articles.loader().load(files);
        BadInput.report(parsed.problems(), json ? err : out);
        ArticleInspector inspector = parsed.records().isEmpty() ? null : inspector(config);
        for (ArticleEvent article : parsed.records()) {
            ArticleInspector.Inspection inspection = inspector.inspect(article);
            if (json) {
                out.println(JSON.writeValueAsString(json(inspection)));
            } else {
                human(inspection, out);
            }
        }
        if (parsed.records().isEmpty() && !json) {
            out.println("nothing to inspect");
        }
        return BadInput.exitCode(parsed.records().size(), parsed.problems());
    }

    private static ArticleInspector inspector(AppConfig config) {
        Map<String, String> settings = new HashMap<>();
        config.asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        TopologySettings topology = TopologySettings.fromMap(settings);
        return new ArticleInspector(TextAnalysis.fromConfig(config.asMap()), topology.novelty().threshold(),
                topology.analysis().maxChars());
    }

    static ObjectNode json(ArticleInspector.Inspection inspection) {
        ArticleEvent a = inspection.article();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", a.getId());
        node.put("title", a.getTitle());
        node.put("language", a.getLanguage());
        node.put("publishedAt", a.getPublishedAt().toString());
        node.put("publishedAtSource", a.getPublishedAtSource());
        node.put("source", a.getSource());
        node.put("url", a.getUrl());
        a.getTags().forEach(node.putArray("tags")::add);
        ArrayNode fragments = node.putArray("fragments");
        for (ArticleFragment f : a.getFragments()) {
            ObjectNode fragment = fragments.addObject();
            fragment.put("text", f.getText());
            fragment.put("repeatOf", f.getRepeatOf());
            fragment.put("truncated", f.getTruncated());
        }
        node.put("repeatedShare", inspection.repeatedShare());
        node.put("nearDuplicateOf", inspection.nearDuplicateOf());
        node.put("similarity", inspection.similarity());
        node.put("analysedChars", inspection.analysedChars());
        ArrayNode entities = node.putArray("entities");
        for (ArticleInspector.Entity e : inspection.entities()) {
            ObjectNode entity = entities.addObject();
            entity.put("entity", e.entity());
            entity.put("ticker", e.ticker());
            entity.put("relevance", e.relevance());
            entity.put("mentions", e.mentions());
            entity.put("sentiment", e.sentiment());
            entity.put("confidence", e.confidence());
            e.evidence().forEach(entity.putArray("evidence")::add);
        }
        return node;
    }

    private static void human(ArticleInspector.Inspection inspection, PrintStream out) {
        ArticleEvent a = inspection.article();
        out.println("article " + a.getId());
        field(out, "title", a.getTitle());
        field(out, "language", a.getLanguage());
        field(out, "publishedAt", a.getPublishedAt() + (a.getPublishedAtSource() == null ? ""
                : " (" + a.getPublishedAtSource() + ")"));
        field(out, "source", a.getSource() + (a.getUrl() == null ? "" : " " + a.getUrl()));
        field(out, "tags", a.getTags().isEmpty() ? "-" : String.join(", ", a.getTags()));
        List<ArticleFragment> fragments = a.getFragments();
        long repeats = fragments.stream().filter(f -> f.getRepeatOf() != null).count();
        long truncated = fragments.stream().filter(ArticleFragment::getTruncated).count();
        field(out, "fragments", String.format(Locale.ROOT, "%d (repeated %d, truncated %d); repeated share %.2f of the text, by characters",
                fragments.size(), repeats, truncated, inspection.repeatedShare()));
        for (int i = 0; i < fragments.size(); i++) {
            ArticleFragment f = fragments.get(i);
            String marks = (f.getRepeatOf() == null ? "" : "repeat of " + f.getRepeatOf())
                    + (f.getRepeatOf() != null && f.getTruncated() ? ", " : "") + (f.getTruncated() ? "truncated" : "");
            out.printf(Locale.ROOT, "    [%d] %-22s %s%n", i, marks, clip(f.getText()));
        }
        if (inspection.nearDuplicateOf() != null) {
            field(out, "similar", String.format(Locale.ROOT, "near-duplicate of %s (similarity %.2f)",
                    inspection.nearDuplicateOf(), inspection.similarity()));
        }
        if (inspection.analysedChars() != null) {
            field(out, "analysed", "the first " + inspection.analysedChars() + " chars (text.analysis.max.chars)");
        }
        if (inspection.entities().isEmpty()) {
            field(out, "entities", "none recognised");
        } else {
            out.println("  entities");
        }
        for (ArticleInspector.Entity e : inspection.entities()) {
            out.printf(Locale.ROOT, "    %s (%s)  relevance %.2f  mentions %d  sentiment %+.2f  confidence %.2f%n",
                    e.entity(), e.ticker() == null ? "no ticker" : e.ticker(), e.relevance(), e.mentions(),
                    e.sentiment(), e.confidence());
            out.println("      evidence: " + (e.evidence().isEmpty() ? "none" : String.join("; ", e.evidence())));
        }
        out.println();
    }

    private static void field(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "  %-12s %s%n", name, value);
    }

    private static String clip(String text) {
        int chars = text.codePointCount(0, text.length());
        if (chars <= SHOWN_FRAGMENT_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SHOWN_FRAGMENT_CHARS)) + "… (" + chars + " chars)";
    }
}
