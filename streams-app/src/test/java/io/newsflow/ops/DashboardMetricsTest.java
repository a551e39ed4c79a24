package io.newsflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.metrics.PromQlMetricNames;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query in the Grafana dashboards and the Prometheus rules must be well-formed and select only
 * metrics the app exports ({@link ExportedNames#SOURCE}); a renamed metric breaks this test instead of
 * silently emptying a panel or disarming an alert.
 */
class DashboardMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Set<String> GRAFANA_BUILTINS = Set.of(
            "__rate_interval", "__interval", "__interval_ms", "__range", "__range_s", "__range_ms");

    private static Set<String> exported() {
        Set<String> names = new HashSet<>(ExportedNames.SOURCE.get());
        names.addAll(ExportedNames.PROMETHEUS_GENERATED);
        return names;
    }

    private static List<Path> dashboards() {
        List<Path> files = RepoFiles.list("grafana/dashboards", ".json");
        assertFalse(files.isEmpty(), "no dashboards in grafana/dashboards");
        return files;
    }

    private static JsonNode readJson(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path path) {
        try {
            return YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Panels including those nested in collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    record Query(String where, String expr) {
    }

    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = readJson(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(file.getFileName() + " / " + panel.path("title").asText() + " / "
                            + target.path("refId").asText(), target.path("expr").asText("")));
                }
            }
        }
        return queries;
    }

    static List<Query> ruleQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : RepoFiles.list("prometheus/rules", ".yml")) {
            for (JsonNode group : readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                    queries.add(new Query(file.getFileName() + " / " + name, rule.path("expr").asText("")));
                }
            }
        }
        assertFalse(queries.isEmpty(), "no rules found");
        return queries;
    }

    private static void assertWellFormedAndExported(Query query, Set<String> exported) {
        assertNull(PromQlMetricNames.syntaxProblem(query.expr()), query.where() + ": " + query.expr());
        Set<String> used = PromQlMetricNames.extract(query.expr());
        assertFalse(used.isEmpty(), query.where() + " selects no metric: " + query.expr());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), query.where() + " uses metrics the app does not export: " + missing
                + "\n  expr: " + query.expr());
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardQueryUsesExportedMetrics() {
        Set<String> exported = exported();
        List<Query> queries = dashboardQueries();
        assertTrue(queries.size() >= 20, "suspiciously few dashboard queries: " + queries.size());
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.where(), () -> assertWellFormedAndExported(q, exported)));
    }

    @TestFactory
    Stream<DynamicTest> everyAlertRuleUsesExportedMetrics() {
        Set<String> exported = exported();
        return ruleQueries().stream().map(q -> DynamicTest.dynamicTest(q.where(), () -> assertWellFormedAndExported(q, exported)));
    }

    /** promtool tests must feed the rules series the app really produces, or they prove nothing. */
    @Test
    void ruleUnitTestsUseExportedSeriesNames() {
        Set<String> exported = exported();
        for (Path file : RepoFiles.list("prometheus/tests", ".yml")) {
            for (JsonNode test : readYaml(file).path("tests")) {
                for (JsonNode series : test.path("input_series")) {
                    String selector = series.path("series").asText();
                    String name = selector.contains("{") ? selector.substring(0, selector.indexOf('{')).strip() : selector.strip();
                    assertTrue(exported.contains(name), file.getFileName() + ": input series " + name + " is not exported");
                }
            }
        }
    }

    @Test
    void templateVariablesQueryExportedMetricsAndEveryUsedVariableIsDefined() {
        Set<String> exported = exported();
        for (Path file : dashboards()) {
            JsonNode dashboard = readJson(file);
            Set<String> defined = new HashSet<>(GRAFANA_BUILTINS);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                defined.add(variable.path("name").asText());
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                Matcher labelValues = LABEL_VALUES.matcher(text);
                assertTrue(labelValues.matches(), file + ": variable " + variable.path("name") + " query " + text);
                String[] args = labelValues.group(1).split(",");
                assertEquals(2, args.length, file + ": label_values needs (metric, label): " + text);
                Set<String> metrics = PromQlMetricNames.extract(args[0]);
                assertTrue(exported.containsAll(metrics) && !metrics.isEmpty(), file + ": " + text);
                if (query.has("metric")) {
                    // the editor's structured fields must say the same as the query string
                    assertEquals(args[0].strip(), query.path("metric").asText(), file + ": " + text);
                    assertEquals(args[1].strip(), query.path("label").asText(), file + ": " + text);
                }
            }
            for (Query query : dashboardQueries()) {
                if (!query.where().startsWith(file.getFileName().toString())) {
                    continue;
                }
                Matcher used = VARIABLE.matcher(query.expr());
                while (used.find()) {
                    assertTrue(defined.contains(used.group(1)), query.where() + " uses undefined variable $" + used.group(1));
                }
            }
        }
    }

    @Test
    void dashboardsAreProvisionableGrafanaJson() {
        String datasourceUid = readYaml(RepoFiles.path("grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").get(0).path("uid").asText();
        assertFalse(datasourceUid.isBlank());
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = readJson(file);
            String uid = dashboard.path("uid").asText();
            assertTrue(uid.matches("[a-zA-Z0-9_-]{1,40}"), file + ": uid " + uid);
            assertTrue(uids.add(uid), file + ": duplicate uid " + uid);
            assertFalse(dashboard.path("title").asText().isBlank(), file + ": title");
            assertTrue(dashboard.path("schemaVersion").asInt() >= 36, file + ": schemaVersion");
            assertTrue(dashboard.path("id").isNull(), file + ": id must be null for provisioning");

            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String title = file.getFileName() + " / " + panel.path("title").asText();
                assertTrue(panelIds.add(panel.path("id").asInt()), title + ": duplicate panel id");
                JsonNode grid = panel.path("gridPos");
                assertTrue(grid.path("w").asInt() > 0 && grid.path("x").asInt() + grid.path("w").asInt() <= 24, title + ": gridPos");
                String type = panel.path("type").asText();
                if (type.equals("row") || type.equals("text")) {
                    continue;
                }
                assertEquals(datasourceUid, panel.path("datasource").path("uid").asText(), title + ": panel datasource");
                assertTrue(panel.path("targets").size() > 0, title + ": no targets");
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertTrue(refIds.add(target.path("refId").asText()), title + ": duplicate refId");
                    assertNotNull(target.get("expr"), title + ": target without expr");
                    assertEquals(datasourceUid, target.path("datasource").path("uid").asText(), title + ": target datasource");
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                assertEquals(datasourceUid, variable.path("datasource").path("uid").asText(), file + ": variable datasource");
            }
        }
        assertEquals(Set.of("newsflow-market", "newsflow-news", "newsflow-meta-bond-day", "newsflow-pipeline"), uids);
    }
}
