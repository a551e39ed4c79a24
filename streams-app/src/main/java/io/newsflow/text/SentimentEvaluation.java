package io.newsflow.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Figures of a sentence classifier on labelled sentences: per-class precision, recall and F1, the confusion
 * matrix, accuracy, macro-F1 (over the classes the gold labels use, so a two-class set is judged on two classes
 * and a neutral answer there simply counts wrong), coverage (the share of polar sentences called polar, either
 * way) and sentences per second. Given the classifier's confidence, also its calibration: the expected calibration
 * error over {@value #BINS} equal-width bins of confidence (Σ over bins of the bin's share × |accuracy − mean
 * confidence|), and the share and accuracy of the answers above {@value #CONFIDENT} confidence; and the wrong
 * answers with their evidence, for {@code eval-sentiment --errors}.
 */
public final class SentimentEvaluation {

    static final int BINS = 10;
    static final double CONFIDENT = 0.8;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final long[][] confusion = new long[3][3];
    private final long[] binCount = new long[BINS];
    private final long[] binCorrect = new long[BINS];
    private final double[] binConfidence = new double[BINS];
    /**
     * The wrong answers, written out by {@link #writeErrors}: their evidence is worked out there, not while the
     * sentences are judged and timed (it cost about a tenth of a Japanese evaluation, docs/quality.md fourth round).
     */
    private final List<Wrong> errors = new ArrayList<>();
    private long confident;
    private long confidentCorrect;
    private final Set<SentimentLabel> goldClasses = EnumSet.noneOf(SentimentLabel.class);
    private long n;
    private long nanos;
    private long cpuNanos;

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

    /** Classifies every sentence, counts, and keeps the confidence and the wrong answers' evidence. */
    public static SentimentEvaluation judge(List<LabelledSentence> sentences,
                                            Function<String, SentenceJudgement> judge) {
        SentimentEvaluation evaluation = new SentimentEvaluation();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (LabelledSentence s : sentences) {
            evaluation.add(s, judge.apply(s.text()));
        }
        evaluation.cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        evaluation.nanos = System.nanoTime() - start;
        return evaluation;
    }

    void add(LabelledSentence sentence, SentenceJudgement judgement) {
        add(sentence.label(), judgement.label());
        boolean correct = sentence.label() == judgement.label();
        double c = Math.max(0, Math.min(1, judgement.confidence()));
        int bin = Math.min(BINS - 1, (int) (c * BINS));
        binCount[bin]++;
        binCorrect[bin] += correct ? 1 : 0;
        binConfidence[bin] += c;
        if (c > CONFIDENT) {
            confident++;
            confidentCorrect += correct ? 1 : 0;
        }
        if (!correct) {
            errors.add(new Wrong(sentence, judgement, c));
        }
    }

    /** A wrong answer and the confidence it was given with (clamped to [0, 1]). */
    private record Wrong(LabelledSentence sentence, SentenceJudgement judgement, double confidence) {

        /** {@code gold<TAB>predicted<TAB>confidence<TAB>evidence<TAB>text}. */
        String line() {
            return String.format(Locale.ROOT, "%s\t%s\t%.3f\t%s\t%s", sentence.label().code(),
                    judgement.label().code(), confidence, String.join("; ", judgement.evidence()),
                    WHITESPACE.matcher(sentence.text()).replaceAll(" "));
        }
    }

    /** Expected calibration error over {@value #BINS} equal-width confidence bins; 0 without judgements. */
    public double expectedCalibrationError() {
        long total = 0;
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            total += binCount[b];
        }
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                ece += (double) binCount[b] / total
                        * Math.abs((double) binCorrect[b] / binCount[b] - binConfidence[b] / binCount[b]);
            }
        }
        return total == 0 ? 0 : ece;
    }

    /** Share of the answers given with confidence above {@value #CONFIDENT}. */
    public double confidentShare() {
        return ratio(confident, n);
    }

    /** Accuracy of the answers given with confidence above {@value #CONFIDENT}. */
    public double confidentAccuracy() {
        return ratio(confidentCorrect, confident);
    }

    /**
     * Writes every wrong answer as {@code gold<TAB>predicted<TAB>confidence<TAB>evidence<TAB>text} (UTF-8, a header
     * line first).
     */
    public void writeErrors(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# gold\tpredicted\tconfidence\tevidence\ttext\n");
            for (Wrong wrong : errors) {
                out.write(wrong.line());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public int errorCount() {
        return errors.size();
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

    /**
     * Sentences per second of the evaluating thread's own CPU time (one core), which other processes on a busy
     * machine do not distort; 0 when not measured.
     */
    public double sentencesPerCpuSecond() {
        return cpuNanos <= 0 ? 0 : n / (cpuNanos / 1e9);
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
        if (cpuNanos > 0) {
            out.printf(Locale.ROOT, "sentences_per_cpu_second=%.0f (the evaluating thread's CPU time: one core, "
                    + "whatever else the machine runs)%n", sentencesPerCpuSecond());
        }
        long judged = 0;
        for (long count : binCount) {
            judged += count;
        }
        if (judged > 0) {
            out.printf(Locale.ROOT, "calibration: ece=%.3f (%d equal-width bins of the predicted class's confidence); "
                    + "confidence>%.1f: share=%.3f accuracy=%.3f%n", expectedCalibrationError(), BINS, CONFIDENT,
                    confidentShare(), confidentAccuracy());
        }
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
