package io.newsflow.text;

/**
 * An entity an article is about.
 *
 * @param entity canonical name, e.g. "Meta Platforms"
 * @param ticker equity ticker, or null for entities without one (e.g. OpenAI)
 * @param relevance in [0, 1]; title and lead mentions weigh more than a passing mention
 * @param mentions how many times the entity is mentioned (aliases and tags included)
 */
public record EntityMention(String entity, String ticker, double relevance, int mentions) {
}
