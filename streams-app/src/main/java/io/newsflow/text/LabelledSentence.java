package io.newsflow.text;

/** A sentence with its known tone, for training and evaluating sentiment models. */
public record LabelledSentence(SentimentLabel label, String text) {
}
