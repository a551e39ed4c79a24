package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
import java.util.List;

/** Finds which companies (and other entities) an article is about, from its tags and its text. */
public interface EntityResolver {

    /** Entities ordered by relevance, highest first; empty when none is recognised. */
    List<EntityMention> resolve(ArticleEvent article);
}
