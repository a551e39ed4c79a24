package io.newsflow.text;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a scorer says of one sentence: its class, how sure it is (the probability it gives that class for the
 * model scorer; the score's confidence for the lexicon scorer), and the evidence that decided it, strongest first.
 * The evidence may be worked out only when asked for ({@link #lazy}): finding the words that decided a Japanese
 * sentence cost a third of judging it, and an evaluation shows it for the wrong answers only
 * (docs/quality.md, fourth round). Thread-safe.
 */
public final class SentenceJudgement {

    private final SentimentLabel label;
    private final double confidence;
    private Supplier<List<String>> source;
    private List<String> evidence;

    public SentenceJudgement(SentimentLabel label, double confidence, List<String> evidence) {
        this.label = Objects.requireNonNull(label, "label");
        this.confidence = confidence;
        this.evidence = List.copyOf(evidence);
    }

    private SentenceJudgement(SentimentLabel label, double confidence, Supplier<List<String>> evidence) {
        this.label = Objects.requireNonNull(label, "label");
        this.confidence = confidence;
        this.source = Objects.requireNonNull(evidence, "evidence");
    }

    /** A judgement whose evidence is worked out the first time {@link #evidence()} is called. */
    static SentenceJudgement lazy(SentimentLabel label, double confidence, Supplier<List<String>> evidence) {
        return new SentenceJudgement(label, confidence, evidence);
    }

    public SentimentLabel label() {
        return label;
    }

    public double confidence() {
        return confidence;
    }

    /** The evidence, strongest first ({@code +0.64 操業を停止}). */
    public synchronized List<String> evidence() {
        if (evidence == null) {
            evidence = List.copyOf(source.get());
            source = null;
        }
        return evidence;
    }

    @Override
    public String toString() {
        return "SentenceJudgement[label=" + label + ", confidence=" + confidence + ", evidence=" + evidence() + "]";
    }
}
