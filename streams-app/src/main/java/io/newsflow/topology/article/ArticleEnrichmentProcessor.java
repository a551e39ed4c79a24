package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.EntityMention;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextFingerprinter;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Article -> one {@link ScoredArticle} per entity it is about, keyed by ticker (or by entity name
 * when the entity has no ticker).
 *
 * <p>Idempotent: an article id already processed with the same content (title and body hash) is
 * ignored, so re-ingesting produces nothing and counts nothing. A changed content under the same
 * id (a correction) is scored again; downstream keys by article id make it replace, not add.
 *
 * <p>Replay: under at-least-once, a crash can leave the "seen" entry in the changelog while the
 * scores it went with never reached the output topic; the input record is then processed again.
 * The entry names the record it was written for and keeps the novelty verdict, so that very record
 * (same topic, partition and offset) gets the same scores again (entity resolution and scoring are
 * deterministic), counted nowhere; any other copy of the article is still ignored. Under
 * exactly-once the entry is rolled back with the output and this never happens.
 */
public class ArticleEnrichmentProcessor extends GuardedProcessor<ArticleEvent, ScoredArticle> {

    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final TopologySettings settings;
    private final EntityResolver resolver;
    private final SentimentScorer scorer;
    private final TextFingerprinter fingerprinter;
    private final PipelineMetrics metrics;
    private KeyValueStore<String, NoveltyState.SeenArticle> seen;
    private NoveltyDetector novelty;

    public ArticleEnrichmentProcessor(TopologySettings settings, EntityResolver resolver, SentimentScorer scorer,
            TextFingerprinter fingerprinter, PipelineMetrics metrics, DeadLetters deadLetters,
            Serializer<ArticleEvent> payload) {
        super(deadLetters, payload);
        this.settings = settings;
        this.resolver = resolver;
        this.scorer = scorer;
        this.fingerprinter = fingerprinter;
        this.metrics = metrics;
    }

    /** The scores feed rolling sentiment, whose late-article dead letters name the article on its input topic. */
    @Override
    protected boolean passesOriginOn() {
        return true;
    }

    @Override
    public void init(ProcessorContext<String, Routed<ScoredArticle>> context) {
        super.init(context);
        if (context.taskId().partition() != 0) {
            // only with articles.single.partition=true on a topic that has more partitions (the
            // start-up check refuses that): each task would judge novelty on a part of the news
            throw new IllegalStateException("novelty needs all articles in one task, but the articles topic has a"
                    + " partition " + context.taskId().partition() + "; set " + TopologySettings.ARTICLES_SINGLE_PARTITION
                    + "=false or give the topic one partition");
        }
        seen = context.getStateStore(StoreNames.ARTICLE_SEEN);
        novelty = new NoveltyDetector(fingerprinter, settings.noveltyThreshold(), settings.noveltyMaxFingerprints(),
                settings.noveltyRetention().millis(), context.getStateStore(StoreNames.ARTICLE_FINGERPRINTS),
                context.getStateStore(StoreNames.FRAGMENT_SEEN));
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    protected void handle(Record<String, ArticleEvent> record, Output<ScoredArticle> out) {
        ArticleEvent article = record.value();
        String hash = TextHash.content(article.getTitle(), article.getBody());
        String source = currentSource();
        NoveltyState.SeenArticle before = seen.get(article.getId());
        if (before != null && before.contentHash().equals(hash)) {
            if (before.writtenFor(source)) {
                emitScores(article, before.verdict(), out, false); // replayed: the same scores, counted once already
            }
            return; // re-ingested: already scored and counted
        }
        long published = article.getPublishedAt().toEpochMilli();
        Novelty judged = novelty.assess(article, Math.max(context.currentStreamTimeMs(), published));
        seen.put(article.getId(), new NoveltyState.SeenArticle(hash, published, source, judged));
        if (judged.duplicateOf() != null) {
            metrics.articleDuplicate(article.getLanguage());
        }
        emitScores(article, judged, out, true);
    }

    /** One scored record per entity the article is about; {@code count} adds them to the metrics. */
    private void emitScores(ArticleEvent article, Novelty judged, Output<ScoredArticle> out, boolean count) {
        long published = article.getPublishedAt().toEpochMilli();
        ArticleEvent analysed = AnalysisText.of(article);
        List<EntityMention> mentions = resolver.resolve(analysed);
        List<String> entities = mentions.stream().map(EntityMention::entity).distinct().toList();
        for (EntityMention mention : mentions) {
            SentimentScore score = scorer.score(analysed, mention);
            ScoredArticle scored = ScoredArticle.newBuilder()
                    .setArticleId(article.getId())
                    .setTicker(mention.ticker())
                    .setEntity(mention.entity())
                    .setSource(article.getSource())
                    .setTitle(article.getTitle())
                    .setLanguage(article.getLanguage())
                    .setPublishedAt(article.getPublishedAt())
                    .setRelevance(mention.relevance())
                    .setSentiment(score.score())
                    .setConfidence(score.confidence())
                    .setUpstreamSentiment(article.getUpstreamSentiment())
                    .setNovelty(judged.novelty())
                    .setDuplicateOf(judged.duplicateOf())
                    .setMatchedTerms(new ArrayList<>(score.matchedTerms()))
                    .setEntities(entities)
                    .build();
            if (count) {
                metrics.articleScored(mention.ticker(), article.getLanguage());
            }
            out.emit(mention.ticker() != null ? mention.ticker() : mention.entity(), scored, published);
        }
    }

    private void expire(long streamTime) {
        novelty.expire(streamTime);
        long before = streamTime - settings.noveltyRetention().millis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, NoveltyState.SeenArticle> it = seen.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.seenAt() < before) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(seen::delete);
    }
}
