package io.newsflow.text;

import java.util.List;

/**
 * One entry of the alias dictionary.
 *
 * @param name canonical name, e.g. "Meta Platforms"
 * @param ticker equity ticker, or null (e.g. OpenAI)
 * @param aliases every alias as written in the dictionary, the name and the ticker included
 */
public record EntityDefinition(String name, String ticker, List<String> aliases) {

    public EntityDefinition {
        aliases = List.copyOf(aliases);
    }
}
