package io.newsflow.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of entity resolution on a labelled sentence file
 * ({@code expected keys <TAB> language <TAB> sentence}, a key being the ticker, or the name of an entity without
 * one; {@code -} for none). Each sentence is resolved as the body of an untitled article; entities are counted
 * once per sentence (micro-averaged).
 *
 * <p>Run: {@code mvn -q -pl streams-app -am test-compile} then
 * {@code java -cp "streams-app/target/test-classes:streams-app/target/classes:$(cat streams-app/target/classpath.txt)"
 * io.newsflow.text.EntityResolutionEvaluation streams-app/src/test/resources/entities/labelled-sentences.tsv}
 * (prints the figures and every error).
 */
public final class EntityResolutionEvaluation {

    /** One sentence's outcome. */
    record Case(String language, String sentence, Set<String> expected, Set<String> resolved) {
        Set<String> missed() {
            Set<String> s = new TreeSet<>(expected);
            s.removeAll(resolved);
            return s;
        }

        Set<String> spurious() {
            Set<String> s = new TreeSet<>(resolved);
            s.removeAll(expected);
            return s;
        }
    }

    /** Totals over the set. */
    record Result(List<Case> cases, int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        List<Case> errors() {
            return cases.stream().filter(c -> !c.missed().isEmpty() || !c.spurious().isEmpty()).toList();
        }
    }

    private EntityResolutionEvaluation() {
    }

    static Result evaluate(EntityResolver resolver, Path labelled) {
        List<String> lines;
        try {
            lines = Files.readAllLines(labelled, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new IllegalArgumentException(labelled + ":" + (i + 1) + ": expected 3 TAB-separated columns");
            }
            Set<String> expected = new TreeSet<>();
            if (!cols[0].equals("-")) {
                for (String key : cols[0].split(",")) {
                    expected.add(key.strip());
                }
            }
            Set<String> resolved = new TreeSet<>();
            for (EntityMention m : resolver.resolve(Articles.article(cols[1], "", cols[2]))) {
                resolved.add(m.ticker() == null ? m.entity() : m.ticker());
            }
            Case c = new Case(cols[1], cols[2], expected, resolved);
            cases.add(c);
            int hits = (int) expected.stream().filter(resolved::contains).count();
            tp += hits;
            fn += expected.size() - hits;
            fp += resolved.size() - hits;
        }
        return new Result(cases, tp, fp, fn);
    }

    static String report(Result r) {
        StringBuilder out = new StringBuilder();
        Set<String> languages = new LinkedHashSet<>();
        r.cases().forEach(c -> languages.add(c.language()));
        out.append(String.format(Locale.ROOT, "sentences %d, expected mentions %d: precision %.3f recall %.3f F1 %.3f"
                        + " (TP %d, FP %d, FN %d)%n", r.cases().size(), r.truePositives() + r.falseNegatives(),
                r.precision(), r.recall(), r.f1(), r.truePositives(), r.falsePositives(), r.falseNegatives()));
        for (String language : languages) {
            List<Case> subset = r.cases().stream().filter(c -> c.language().equals(language)).toList();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Case c : subset) {
                int hits = c.expected().size() - c.missed().size();
                tp += hits;
                fp += c.spurious().size();
                fn += c.missed().size();
            }
            Result part = new Result(subset, tp, fp, fn);
            out.append(String.format(Locale.ROOT, "  %s: %d sentences, precision %.3f recall %.3f F1 %.3f%n",
                    language, subset.size(), part.precision(), part.recall(), part.f1()));
        }
        for (Case c : r.errors()) {
            out.append(String.format(Locale.ROOT, "  %s missed %s spurious %s: %s%n",
                    c.language(), c.missed(), c.spurious(), c.sentence()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EntityResolutionEvaluation <labelled-sentences.tsv>");
            System.exit(2);
        }
        System.out.print(report(evaluate(TextAnalysis.defaults().entityResolver(), Path.of(args[0]))));
    }
}
