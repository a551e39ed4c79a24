package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import io.newsflow.metrics.ExportedMetrics;
import io.newsflow.metrics.PromQlMetricNames;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Meta bond-day story with the default configuration (exactly_once_v2), and every dashboard panel
 * and alert rule checked against the live {@code /metrics}.
 */
class MetaBondDayEndToEndTest extends MetaBondDayStoryTest {

    @Override
    protected AppConfig baseConfig() {
        return AppConfig.defaults();
    }

    /** The outputs and the live metrics are checked once the replay is over (the default pace: MetaBondDayLiveTest). */
    @Override
    protected boolean fastReplay() {
        return true;
    }

    @Test
    void everyCataloguedMetricIsOnTheLiveEndpoint() {
        Set<String> live = ExportedMetrics.fromScrape(scrape);
        Set<String> missing = new TreeSet<>(ExportedMetrics.fromCatalogue(RepoFiles.read("docs/metrics.md")));
        missing.removeAll(live);
        assertTrue(missing.isEmpty(), "docs/metrics.md lists metrics the running app does not export: " + missing);
    }

    @Test
    void everyDashboardPanelAndAlertRuleFindsItsMetricsOnTheLiveEndpoint() {
        Set<String> live = new TreeSet<>(ExportedMetrics.fromScrape(scrape));
        live.addAll(ExportedNames.PROMETHEUS_GENERATED);
        List<DashboardMetricsTest.Query> queries = new java.util.ArrayList<>(DashboardMetricsTest.dashboardQueries());
        queries.addAll(DashboardMetricsTest.ruleQueries());
        assertFalse(queries.isEmpty());
        StringBuilder problems = new StringBuilder();
        for (DashboardMetricsTest.Query q : queries) {
            Set<String> missing = new TreeSet<>(PromQlMetricNames.extract(q.expr()));
            missing.removeAll(live);
            if (!missing.isEmpty()) {
                problems.append(q.where()).append(": ").append(missing).append('\n');
            }
        }
        assertTrue(problems.length() == 0, "queries naming metrics absent from the live /metrics:\n" + problems);
    }
}
