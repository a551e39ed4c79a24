package io.newsflow.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Objects;

/**
 * Creates the application's Prometheus registry: every meter carries the common tag
 * {@code application}, and the JVM and process binders are attached so a dashboard can tell a
 * GC-bound or CPU-starved app from a stalled pipeline.
 */
public final class MetricsRegistryFactory {

    public static final String APPLICATION_TAG = "application";

    private MetricsRegistryFactory() {
    }

    /** A registry with JVM/process metrics bound; close the returned handle to release the binders. */
    public static AppMeterRegistry create(String applicationName) {
        Objects.requireNonNull(applicationName, "applicationName");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(APPLICATION_TAG, applicationName)
                .meterFilter(MetricHelp.filter())
                .meterFilter(StateStoreTags.filter());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // JvmGcMetrics subscribes to GC notifications: it must be closed or the listeners outlive the registry.
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        return new AppMeterRegistry(registry, gcMetrics);
    }
}
