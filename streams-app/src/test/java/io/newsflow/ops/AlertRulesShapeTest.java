package io.newsflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conventions every alert follows, checked without promtool. */
class AlertRulesShapeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    private static Map<String, JsonNode> alerts() throws IOException {
        Map<String, JsonNode> alerts = new HashMap<>();
        for (Path file : RepoFiles.list("prometheus/rules", ".yml")) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        assertEquals(null, alerts.put(rule.path("alert").asText(), rule), "duplicate alert name");
                    }
                }
            }
        }
        assertFalse(alerts.isEmpty());
        return alerts;
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        assertEquals(text.length(), end, "unparsed duration " + text);
        return total;
    }

    @Test
    void everyAlertHasForSeverityAndLabelledAnnotations() throws IOException {
        alerts().forEach((name, rule) -> {
            assertTrue(name.startsWith("Newsflow"), name);
            assertTrue(rule.has("for"), name + " has no for:");
            duration(rule.path("for").asText());
            assertTrue(SEVERITIES.contains(rule.path("labels").path("severity").asText()), name + " severity");
            String summary = rule.path("annotations").path("summary").asText();
            String description = rule.path("annotations").path("description").asText();
            assertFalse(summary.isBlank() || description.isBlank(), name + " needs summary and description");
            assertTrue(summary.contains("$labels.") || description.contains("$labels."), name + " annotations name no label");
        });
    }

    /**
     * The alerts scripts/e2e-prometheus.sh waits for must fire quickly: the demo replays the bond day at
     * 600x, so a gauge may hold its alerting value for only seconds of wall-clock time.
     */
    @Test
    void alertsTheDemoMustFireHaveShortForDurations() throws IOException {
        Map<String, JsonNode> alerts = alerts();
        String script = Files.readString(RepoFiles.path("scripts/e2e-prometheus.sh"));
        Matcher wanted = Pattern.compile("WANTED=\"\\$\\{WANTED:-([^}]*)}\"").matcher(script);
        assertTrue(wanted.find(), "WANTED default not found in the e2e script");
        for (String name : wanted.group(1).split("\\|")) {
            assertTrue(alerts.containsKey(name), "e2e script waits for unknown alert " + name);
            Duration forDuration = duration(alerts.get(name).path("for").asText());
            assertTrue(forDuration.compareTo(Duration.ofSeconds(30)) <= 0, name + " for: " + forDuration);
        }
    }
}
