package io.newsflow.runtime;

import java.util.Locale;

/** The JVM-wide default locale for formatting, set once when a newsflow process starts. */
public final class FormatLocale {

    private FormatLocale() {
    }

    /**
     * Sets the default format locale to {@link Locale#US}. Why: Kafka Streams 4.3 formats a log
     * line with {@code String.format} for every idle input partition of a task, on every record,
     * whatever the log level ({@code PartitionGroup.readyToProcess}). Under any other default
     * format locale ({@code en} without a country, as on a {@code C.UTF-8} machine, included) each
     * such call builds a {@code DecimalFormatSymbols}; the tick task has three mostly idle inputs,
     * and this cost a fifth of the topology's throughput (docs/benchmarks.md). Our own output
     * formats numbers with explicit locales where it matters.
     */
    public static void useUs() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
    }
}
