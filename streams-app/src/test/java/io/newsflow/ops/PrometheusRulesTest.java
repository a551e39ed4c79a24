package io.newsflow.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs promtool on the repository's Prometheus configuration: the rules must load, the configs must
 * be valid, and every rule's unit tests in prometheus/tests must pass. Without promtool the test is
 * skipped on a developer machine but fails in CI (CI is set), where its absence is a set-up bug.
 * Install it with {@code apt-get install -y prometheus}.
 */
class PrometheusRulesTest {

    @BeforeAll
    static void requirePromtool() {
        RequiredTool.require("promtool");
    }

    @Test
    void ruleFilesLoad() throws Exception {
        List<Path> rules = RepoFiles.list("prometheus/rules", ".yml");
        assertFalse(rules.isEmpty(), "no rule files in prometheus/rules");

        List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
        rules.forEach(p -> command.add(p.toString()));
        Result result = run(command);

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void everyRuleUnitTestPasses() throws Exception {
        List<Path> tests = RepoFiles.list("prometheus/tests", ".yml");
        assertFalse(tests.isEmpty(), "no promtool tests in prometheus/tests");

        List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
        tests.forEach(p -> command.add(p.toString()));
        Result result = run(command);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void hostAndComposeConfigsAreValid() throws Exception {
        for (String config : List.of("prometheus/prometheus.yml", "prometheus/prometheus.docker.yml")) {
            Result result = run(List.of("promtool", "check", "config", RepoFiles.path(config).toString()));
            assertEquals(0, result.exitCode(), config + ":\n" + result.output());
        }
    }

    /** Every alerting rule in the rule files has at least one promtool test case. */
    @Test
    void everyAlertHasAUnitTest() {
        List<String> alerts = RepoFiles.list("prometheus/rules", ".yml").stream()
                .flatMap(p -> read(p).lines())
                .map(String::strip)
                .filter(line -> line.startsWith("- alert:"))
                .map(line -> line.substring("- alert:".length()).strip())
                .toList();
        String tests = String.join("\n", RepoFiles.list("prometheus/tests", ".yml").stream().map(PrometheusRulesTest::read).toList());

        assertFalse(alerts.isEmpty());
        for (String alert : alerts) {
            assertTrue(tests.contains("alertname: " + alert + "\n"), "no promtool test for alert " + alert);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(RepoFiles.root().toFile())
                .redirectErrorStream(true)
                .start();
        // Read before waiting: a full pipe would block promtool.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("promtool timed out: " + command);
        }
        return new Result(process.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
