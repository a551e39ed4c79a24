package io.newsflow.text;

/** An alias found in a text: the entity and the character range [start, end). */
public record AliasMatch(EntityDefinition entity, String alias, int start, int end) {
}
