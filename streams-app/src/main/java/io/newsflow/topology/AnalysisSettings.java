package io.newsflow.topology;

import io.newsflow.config.AppConfig;

/**
 * The text analysis of one article.
 *
 * @param maxChars {@code text.analysis.max.chars} characters of an article the text analysis reads (20000)
 * @param budget   {@code text.analysis.budget} longest analysis of one article before it is dead-lettered
 *                 TOO_EXPENSIVE (5s)
 */
public record AnalysisSettings(int maxChars, Span budget) {

    static AnalysisSettings from(AppConfig c) {
        return new AnalysisSettings(c.getInt("text.analysis.max.chars"), Span.of(c, "text.analysis.budget"));
    }
}
