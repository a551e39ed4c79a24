package io.newsflow.text;

import java.util.List;

/**
 * What a scorer says of one sentence: its class, how sure it is (the probability it gives that class for the
 * model scorer; the score's confidence for the lexicon scorer), and the evidence that decided it, strongest first.
 */
public record SentenceJudgement(SentimentLabel label, double confidence, List<String> evidence) {

    public SentenceJudgement {
        evidence = List.copyOf(evidence);
    }
}
