package io.newsflow.cli;

import io.newsflow.config.DurationParser;
import java.time.Duration;

/** Duration options ({@code --settle 5s}, {@code --interval PT30S}) read by the one duration parser. */
public final class DurationConverter extends ParsingConverter<Duration> {

    public DurationConverter() {
        super(DurationParser::parse);
    }
}
