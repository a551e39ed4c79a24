package io.newsflow.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every relative link in the README and the docs leads to a file that exists, and to a heading in it. */
class DocsLinksTest {

    @Test
    void everyRelativeLinkInTheDocumentationResolves() {
        Path root = RepoFiles.root();
        List<Path> files = new ArrayList<>();
        for (String top : List.of("README.md", "UPGRADING.md", "serde/README.md")) {
            if (Files.isRegularFile(root.resolve(top))) {
                files.add(root.resolve(top));
            }
        }
        files.addAll(RepoFiles.list("docs", ".md"));
        assertTrue(files.contains(root.resolve("README.md")) && files.size() > 5, "documentation not found: " + files);

        MarkdownLinks links = new MarkdownLinks(root);
        List<String> broken = files.stream().flatMap(f -> links.broken(f).stream()).toList();
        assertTrue(broken.isEmpty(), broken.size() + " broken links:\n" + String.join("\n", broken));
    }

    @Test
    void reportsEveryMissingFileAndAnchorAtOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("target.md"), "# Target\n\n## Schema registry: durability & outages\n\n## Notes\n\n## Notes\n");
        Path source = Files.writeString(dir.resolve("source.md"), String.join("\n",
                "Good: [t](target.md), [t](target.md#schema-registry-durability--outages), [t](target.md#notes-1),",
                "[self](#source), external [x](https://example.com/nowhere.md).",
                "# Source",
                "Broken: [a](missing.md) and [b](target.md#nowhere), [c](#notes).",
                "`[not a link](in-code.md)`",
                "```",
                "[not a link either](in-a-fence.md)",
                "```",
                "![image](img/missing.png)"));

        List<String> broken = new MarkdownLinks(dir).broken(source);

        assertEquals(List.of(
                "source.md:4: missing.md (no such file)",
                "source.md:4: target.md#nowhere (no heading with anchor #nowhere)",
                "source.md:4: #notes (no heading with anchor #notes)",
                "source.md:9: img/missing.png (no such file)"), broken);
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("binnewsflow-inspect", MarkdownLinks.slug("`bin/newsflow inspect`"));
        assertEquals("schemas-units-and-evolution", MarkdownLinks.slug("Schemas: units and evolution"));
        assertEquals("latency-first-profile", MarkdownLinks.slug("Latency-first profile"));
        assertEquals("recorded-run-2026-12-01-0004-0039-utc", MarkdownLinks.slug("Recorded run: 2026-12-01, 00:04-00:39 UTC"));
        assertEquals("entity-resolution-alias-matching-with-the-732-entity-universe-issue-12",
                MarkdownLinks.slug("Entity resolution: alias matching with the 732-entity universe (issue 12)"));
        assertEquals("see-the-api", MarkdownLinks.slug("See [the API](api.md)"));
    }
}
