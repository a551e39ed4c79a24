package io.newsflow.ingest;

import java.io.IOException;
import java.io.PrintStream;

/** One {@code produce <what>}: picocli fills in its arguments, it reads or simulates its records, {@link IngestCli} publishes them. */
interface Source {

    /** @throws IllegalArgumentException, java.time.DateTimeException or IOException when nothing can be read (usage error) */
    Batch read(PrintStream out) throws IOException;

    PublishOptions publishing();

    /** True when the records went to a file instead ({@code bonds-sim --write}): nothing to publish is then no news. */
    default boolean wroteFile() {
        return false;
    }
}
