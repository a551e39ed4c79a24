package io.newsflow.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0} -> #{1}")
    @CsvSource(delimiter = '|', value = {
            "`bin/newsflow inspect`                                                   | binnewsflow-inspect",
            "Schemas: units and evolution                                             | schemas-units-and-evolution",
            "Latency-first profile                                                    | latency-first-profile",
            "Recorded run: 2026-12-01, 00:04-00:39 UTC                                | recorded-run-2026-12-01-0004-0039-utc",
            "Entity resolution: alias matching with the 732-entity universe (issue 12) | entity-resolution-alias-matching-with-the-732-entity-universe-issue-12",
            "See [the API](api.md)                                                    | see-the-api",
    })
    void anchorsFollowGitHubsRules(String heading, String anchor) {
        assertEquals(anchor, MarkdownLinks.slug(heading));
    }
}
