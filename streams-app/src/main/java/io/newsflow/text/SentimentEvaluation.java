package io.newsflow.text;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Figures of a sentence classifier on labelled sentences: per-class precision, recall and F1, the confusion
 * matrix, accuracy, macro-F1 (over the classes the gold labels use, so a two-class set is judged on two classes
 * and a neutral answer there simply counts wrong), coverage (the share of polar sentences called polar, either
 * way) and sentences per second.
 */
public final class SentimentEvaluation {

    private final long[][] confusion = new long[3][3];
    private final Set<SentimentLabel> goldClasses = EnumSet.noneOf(SentimentLabel.class);
    private long n;
    private long nanos;

    /** Classifies every sentence and counts. */
    public static SentimentEvaluation run(List<LabelledSentence> sentences, Function<String, SentimentLabel> classifier) {
        SentimentEvaluation evaluation = new SentimentEvaluation();
        long start = System.nanoTime();
        for (LabelledSentence s : sentences) {
            evaluation.add(s.label(), classifier.apply(s.text()));
        }
        evaluation.nanos = System.nanoTime() - start;
        return evaluation;
    }

    /** Records how long classifying took (for a run that counted with {@link #add} itself). */
    void timed(long elapsedNanos) {
        nanos = elapsedNanos;
    }

    void add(SentimentLabel gold, SentimentLabel predicted) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
        goldClasses.add(gold);
        n++;
    }

    public long n() {
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < 3; c++) {
            correct += confusion[c][c];
        }
        return ratio(correct, n);
    }

    public double precision(SentimentLabel label) {
        long predicted = 0;
        for (int g = 0; g < 3; g++) {
            predicted += confusion[g][label.ordinal()];
        }
        return ratio(confusion[label.ordinal()][label.ordinal()], predicted);
    }

    public double recall(SentimentLabel label) {
        long gold = 0;
        for (int p = 0; p < 3; p++) {
            gold += confusion[label.ordinal()][p];
        }
        return ratio(confusion[label.ordinal()][label.ordinal()], gold);
    }

    public double f1(SentimentLabel label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        return goldClasses.stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** Share of gold-polar sentences the classifier called polar (positive or negative, right or wrong). */
    public double coverage() {
        long polar = 0;
        long calledPolar = 0;
        for (SentimentLabel gold : List.of(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE)) {
            for (SentimentLabel predicted : SentimentLabel.values()) {
                long count = confusion[gold.ordinal()][predicted.ordinal()];
                polar += count;
                calledPolar += predicted.polar() ? count : 0;
            }
        }
        return ratio(calledPolar, polar);
    }

    public double sentencesPerSecond() {
        return nanos == 0 ? 0 : n / (nanos / 1e9);
    }

    /** The report of the eval command; its last line is the summary {@link #summary()}. */
    public void print(PrintStream out) {
        out.println("class      precision  recall  f1      support");
        for (SentimentLabel label : SentimentLabel.values()) {
            long support = 0;
            for (int p = 0; p < 3; p++) {
                support += confusion[label.ordinal()][p];
            }
            out.printf(Locale.ROOT, "%-10s %-10.3f %-7.3f %-7.3f %d%n", label.code(), precision(label), recall(label),
                    f1(label), support);
        }
        out.println();
        out.println("confusion (rows: gold, columns: predicted)");
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s%n", "", "negative", "neutral", "positive");
        for (SentimentLabel gold : SentimentLabel.values()) {
            out.printf(Locale.ROOT, "%-10s %9d %9d %9d%n", gold.code(), confusion[gold.ordinal()][0],
                    confusion[gold.ordinal()][1], confusion[gold.ordinal()][2]);
        }
        out.println();
        out.printf(Locale.ROOT, "sentences_per_second=%.0f%n", sentencesPerSecond());
        out.println(summary());
    }

    /** {@code accuracy=0.812 macro_f1=0.774 coverage=0.903 n=2388}. */
    public String summary() {
        return String.format(Locale.ROOT, "accuracy=%.3f macro_f1=%.3f coverage=%.3f n=%d", accuracy(), macroF1(),
                coverage(), n);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
