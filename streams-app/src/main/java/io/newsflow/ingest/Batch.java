package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Records to publish plus the problems met while reading them. */
record Batch(List<Outgoing> records, List<Problem> problems) {

    static Batch empty() {
        return new Batch(List.of(), List.of());
    }

    static Batch problem(String location, String reason) {
        return new Batch(List.of(), List.of(new Problem(location, reason)));
    }

    static Batch articles(Parsed<io.newsflow.avro.ArticleEvent> parsed) {
        return new Batch(parsed.records().stream().map(Outgoing::of).toList(), parsed.problems());
    }

    Batch plus(Batch other) {
        List<Outgoing> r = new ArrayList<>(records);
        r.addAll(other.records);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new Batch(r, p);
    }

    /** Stable: records with equal times keep their input order. */
    Batch sortedByEventTime() {
        List<Outgoing> r = new ArrayList<>(records);
        r.sort(Comparator.comparing(Outgoing::eventTime));
        return new Batch(r, problems);
    }
}
