package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves entities from publisher tags and alias matches in the title and body (see {@link AliasDictionary}
 * for the matching rules).
 *
 * <p>Relevance is {@code 1 - exp(-evidence)} with
 * {@code evidence = 1.5·[in title] + 0.8·[in lead] + 0.25·min(other mentions, 8) + 0.6·[in tags]},
 * the lead being the first two body sentences. So a headline mention alone gives 0.78, a tag alone 0.45, one
 * passing mention 0.22, headline + lead + tag 0.95; a long article naming an entity often can still approach
 * the headline level. Stateless apart from the immutable dictionary, so thread-safe.
 */
public final class AliasEntityResolver implements EntityResolver {

    static final double TITLE_WEIGHT = 1.5;
    static final double LEAD_WEIGHT = 0.8;
    static final double MENTION_WEIGHT = 0.25;
    static final int MAX_COUNTED_MENTIONS = 8;
    static final double TAG_WEIGHT = 0.6;

    private final AliasDictionary dictionary;

    public AliasEntityResolver(AliasDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public AliasDictionary dictionary() {
        return dictionary;
    }

    @Override
    public List<EntityMention> resolve(ArticleEvent article) {
        if (article == null) {
            return List.of();
        }
        Map<EntityDefinition, Evidence> evidence = new LinkedHashMap<>();
        if (article.getTags() != null) {
            for (CharSequence tag : article.getTags()) {
                EntityDefinition entity = tag == null ? null : dictionary.matchTag(tag.toString());
                if (entity != null) {
                    Evidence e = evidence.computeIfAbsent(entity, k -> new Evidence());
                    e.tagged = true;
                    e.mentions++;
                }
            }
        }
        ArticleText text = ArticleText.of(article);
        for (AliasMatch match : text.matches(dictionary)) {
            Evidence e = evidence.computeIfAbsent(match.entity(), k -> new Evidence());
            e.mentions++;
            int sentence = text.sentenceAt(match.start());
            if (text.hasTitle && sentence == 0) {
                e.inTitle = true;
            } else if (text.isLead(sentence)) {
                e.inLead = true;
            } else {
                e.otherMentions++;
            }
        }
        List<EntityMention> out = new ArrayList<>(evidence.size());
        evidence.forEach((entity, e) ->
                out.add(new EntityMention(entity.name(), entity.ticker(), e.relevance(), e.mentions)));
        out.sort(Comparator.comparingDouble(EntityMention::relevance).reversed()
                .thenComparing(Comparator.comparingInt(EntityMention::mentions).reversed())
                .thenComparing(EntityMention::entity));
        return out;
    }

    private static final class Evidence {
        boolean inTitle;
        boolean inLead;
        boolean tagged;
        int otherMentions;
        int mentions;

        double relevance() {
            double evidence = (inTitle ? TITLE_WEIGHT : 0) + (inLead ? LEAD_WEIGHT : 0)
                    + MENTION_WEIGHT * Math.min(otherMentions, MAX_COUNTED_MENTIONS) + (tagged ? TAG_WEIGHT : 0);
            return 1 - Math.exp(-evidence);
        }
    }
}
