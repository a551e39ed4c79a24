package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The project's long test articles ({@code sentiment/articles/}, the title on the first line), scored as the pipeline
 * scores them: the entities the resolver finds, each scored by the shipped models.
 */
final class LongArticles {

    private static final AliasDictionary DICTIONARY = AliasDictionary.defaults();
    private static final AliasEntityResolver RESOLVER = new AliasEntityResolver(DICTIONARY);
    private static final ModelSentimentScorer SCORER = new ModelSentimentScorer(DICTIONARY,
            SentimentModel.defaults(Language.EN), SentimentModel.defaults(Language.JA));

    private LongArticles() {
    }

    /** Every entity the resolver finds in {@code file}, made an article by {@code article} (title, body), with its score. */
    static Map<String, SentimentScore> scored(String file, BiFunction<String, String, ArticleEvent> article) {
        String[] text = read(file).split("\n", 2);
        ArticleEvent event = article.apply(text[0], text[1]);
        return RESOLVER.resolve(event).stream().collect(Collectors.toMap(EntityMention::entity,
                mention -> SCORER.score(event, mention), (first, again) -> first));
    }

    /** Each of the {@code entities} is resolved and scored within 0.25 of neutral (not called polar). */
    static void assertNearNeutral(Map<String, SentimentScore> scores, String... entities) {
        for (String entity : entities) {
            SentimentScore s = scores.get(entity);
            assertNotNull(s, entity + " resolved: " + scores.keySet());
            assertTrue(Math.abs(s.score()) < 0.25, entity + ": " + s);
        }
    }

    private static String read(String file) {
        try (InputStream in = LongArticles.class.getResourceAsStream("/sentiment/articles/" + file)) {
            assertNotNull(in, file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
