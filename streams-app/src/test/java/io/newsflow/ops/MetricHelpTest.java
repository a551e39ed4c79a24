package io.newsflow.ops;

import io.newsflow.runtime.errors.FencedThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.metrics.AppMeterRegistry;
import io.newsflow.metrics.Degradations;
import io.newsflow.metrics.ExportedMetrics;
import io.newsflow.metrics.MetricsRegistryFactory;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.runtime.errors.FailedRecords;
import io.newsflow.runtime.errors.ThreadFailures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every newsflow metric of the catalogue is exported with a HELP text saying what it is. */
class MetricHelpTest {

    private static final Pattern TYPE = Pattern.compile("^# TYPE (newsflow_\\w+) \\w+$", Pattern.MULTILINE);
    private static final Pattern HELP = Pattern.compile("^# HELP (newsflow_\\w+) (.*)$", Pattern.MULTILINE);

    @Test
    void everyNewsflowMetricHasHelpText() throws Exception {
        try (AppMeterRegistry meters = MetricsRegistryFactory.create("help-test")) {
            exerciseEveryMetric(meters);
            String scrape = meters.registry().scrape();

            Set<String> families = new TreeSet<>();
            Matcher type = TYPE.matcher(scrape);
            while (type.find()) {
                families.add(type.group(1));
            }
            Map<String, String> help = new TreeMap<>();
            Matcher line = HELP.matcher(scrape);
            while (line.find()) {
                help.put(line.group(1), line.group(2).strip());
            }
            for (String family : families) {
                assertTrue(help.getOrDefault(family, "").length() > 10, family + " has no HELP text: " + help.get(family));
            }
            // and every catalogue row was exercised: the check above covered them all
            Set<String> documented = ExportedMetrics.fromCatalogue(Files.readString(RepoFiles.path("docs/metrics.md")));
            Set<String> exported = ExportedMetrics.fromScrape(scrape);
            Set<String> missing = new TreeSet<>(documented);
            missing.removeAll(exported);
            assertEquals(Set.of(), missing, "documented but not exercised here");
        }
    }

    private static void exerciseEveryMetric(AppMeterRegistry meters) {
        PipelineMetrics metrics = new PipelineMetrics(meters.registry(), List.of("META"), 5);
        ExportedMetrics.exerciseDomainMetrics(metrics);
        metrics.watermarkIdleSkip(PipelineMetrics.WATERMARK_STAGE_FUNNEL);
        Degradations degradations = new Degradations().bindTo(meters.registry());
        new ThreadFailures(degradations, new FailedRecords()).bindTo(meters.registry());
        new FencedThreads(degradations).bindTo(meters.registry());
    }
}
