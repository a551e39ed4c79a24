package io.newsflow.ingest;

import io.newsflow.cli.ParsingConverter;
import picocli.CommandLine.Option;

/** How every {@code produce <what>} publishes: {@code --pace} and {@code --dry-run}. */
public final class PublishOptions {

    @Option(names = "--pace", paramLabel = "asap|realtime|xN", defaultValue = "asap", converter = PaceConverter.class,
            description = "follow the event-time gaps (xN divides them by N); default: ${DEFAULT-VALUE}")
    Pace pace;

    @Option(names = "--dry-run", description = "read and count, publish nothing (needs no cluster)")
    boolean dryRun;

    public boolean dryRun() {
        return dryRun;
    }

    static final class PaceConverter extends ParsingConverter<Pace> {
        PaceConverter() {
            super(Pace::parse);
        }
    }
}
