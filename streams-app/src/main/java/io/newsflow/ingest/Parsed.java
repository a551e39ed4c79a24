package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parser got out of its input: the usable records and a problem for every piece it had to
 * skip, so bad input is reported rather than lost.
 */
public record Parsed<T>(List<T> records, List<Problem> problems) {

    public Parsed {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    public static <T> Parsed<T> of(List<T> records, List<Problem> problems) {
        return new Parsed<>(records, problems);
    }

    public static <T> Parsed<T> failed(String location, String reason) {
        return new Parsed<>(List.of(), List.of(new Problem(location, reason)));
    }

    /** Concatenates records and problems, keeping order. */
    public Parsed<T> plus(Parsed<T> other) {
        List<T> r = new ArrayList<>(records);
        r.addAll(other.records);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new Parsed<>(r, p);
    }
}
