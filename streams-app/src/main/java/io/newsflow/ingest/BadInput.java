package io.newsflow.ingest;

import java.io.PrintStream;
import java.util.List;

/**
 * How the commands that read input files report what they could not use, so {@code produce} and
 * {@code inspect} say it alike: one {@code bad input: <file[:line]>: <reason>} line per problem, and
 * the exit code 0 when all was good, 1 when some input was bad (the rest went through), 2 when
 * nothing could be used.
 */
public final class BadInput {

    public static final int SOME_BAD = 1;
    public static final int NOTHING_USABLE = 2;

    private BadInput() {
    }

    public static void report(List<Problem> problems, PrintStream out) {
        for (Problem p : problems) {
            out.println("bad input: " + p);
        }
    }

    /** The exit code for a run that had {@code records} usable records and {@code problems}. */
    public static int exitCode(int records, List<Problem> problems) {
        if (problems.isEmpty()) {
            return 0;
        }
        return records == 0 ? NOTHING_USABLE : SOME_BAD;
    }
}
