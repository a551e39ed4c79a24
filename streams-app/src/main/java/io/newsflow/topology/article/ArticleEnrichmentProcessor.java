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
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.RejectedRecord;
import io.newsflow.topology.watermark.IdleSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsException;
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
 *
 * <p>Order: funnelled articles (tagged by {@link ArticleFunnelFeed}) are scored in event-time order,
 * as the {@link ArticleReorderBuffer} releases them, so the verdicts do not depend on how the
 * articles partitions interleaved in the funnel. An article read where it is published
 * ({@code articles.single.partition}) is scored at once, in that partition's order.
 */
public class ArticleEnrichmentProcessor extends GuardedProcessor<ArticleEvent, ScoredArticle> {

    /**
     * The state stores this step uses (TopologyStores connects the step to them): novelty's, and the
     * reorder buffer's for funnelled articles.
     */
    public static List<String> stores(boolean funnelled) {
        List<String> stores = new ArrayList<>(List.of(StoreNames.ARTICLE_SEEN, StoreNames.ARTICLE_FINGERPRINTS,
                StoreNames.FRAGMENT_SEEN));
        if (funnelled) {
            stores.addAll(List.of(StoreNames.ARTICLE_REORDER, StoreNames.FUNNEL_WATERMARKS, StoreNames.FUNNEL_RELEASED));
        }
        return stores;
    }

    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final TopologySettings settings;
    private final ArticleAnalysis analysis;
    private final TextFingerprinter fingerprinter;
    private final PipelineMetrics metrics;
    private KeyValueStore<String, NoveltyState.SeenArticle> seen;
    private NoveltyDetector novelty;
    private ArticleReorderBuffer reorder;
    /** Publication time of the newest article scored by this task instance (for expiry). */
    private long newest = Long.MIN_VALUE;

    public ArticleEnrichmentProcessor(TopologySettings settings, EntityResolver resolver, SentimentScorer scorer,
            TextFingerprinter fingerprinter, PipelineMetrics metrics) {
        this.settings = settings;
        this.analysis = new ArticleAnalysis(resolver, scorer, settings.analysis().maxChars(),
                settings.analysis().budget().duration());
        this.fingerprinter = fingerprinter;
        this.metrics = metrics;
    }

    /** The scores feed rolling sentiment, whose late-article dead letters name the article on its input topic. */
    @Override
    protected boolean passesOriginOn() {
        return true;
    }

    @Override
    public void init(ProcessorContext<String, ScoredArticle> context) {
        super.init(context);
        if (context.taskId().partition() != 0) {
            // only with articles.single.partition=true on a topic that has more partitions (the
            // start-up check refuses that): each task would judge novelty on a part of the news
            throw new IllegalStateException("novelty needs all articles in one task, but the articles topic has a"
                    + " partition " + context.taskId().partition() + "; set " + TopologySettings.ARTICLES_SINGLE_PARTITION
                    + "=false or give the topic one partition");
        }
        seen = context.getStateStore(StoreNames.ARTICLE_SEEN);
        novelty = new NoveltyDetector(fingerprinter, settings.novelty().threshold(), settings.novelty().maxFingerprints(),
                settings.novelty().retention().millis(), context.getStateStore(StoreNames.ARTICLE_FINGERPRINTS),
                context.getStateStore(StoreNames.FRAGMENT_SEEN));
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
        IdleSources.scheduleChecks(context, settings, this::releaseIdle);
    }

    /** Scores what the funnel releases because partitions went quiet ({@code watermark.idle.timeout}). */
    private void releaseIdle() {
        if (settings.watermarks().articlesSinglePartition()) {
            return;
        }
        List<RejectedRecord.Failure> failures = new ArrayList<>();
        for (BufferedArticle released : reorder().releaseIdle()) {
            ArticleEvent article = released.article();
            Output<ScoredArticle> out = new Output<>();
            try {
                score(article, released.source(), out);
            } catch (StreamsException e) {
                throw e;
            } catch (RuntimeException e) {
                out.deadLetter(DeadLetterReason.PROCESSING_ERROR, "article " + article.getId()
                        + " released from the reorder buffer: " + DeadLetters.describe(e));
            }
            forwardResults(new Record<>(article.getId(), article, article.getPublishedAt().toEpochMilli()), out);
            failures.addAll(out.failures());
        }
        if (!failures.isEmpty()) {
            // after every released article went on: a punctuation has no input record, so these name no payload
            throw new RejectedRecord(failures);
        }
    }

    @Override
    protected void handle(Record<String, ArticleEvent> record, Output<ScoredArticle> out) {
        int partition = ArticleFunnelFeed.partitionOf(record);
        if (partition < 0) { // read where it is published (articles.single.partition), or untagged
            score(record.value(), currentSource(), out);
            return;
        }
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        for (BufferedArticle released : reorder().offer(partition, record.value(), record.timestamp(), currentSource(),
                offset)) {
            try {
                score(released.article(), released.source(), out);
            } catch (StreamsException e) {
                throw e;
            } catch (RuntimeException e) { // one article's failure must not take the others released with it
                out.deadLetter(DeadLetterReason.PROCESSING_ERROR, "article " + released.article().getId()
                        + " released from the reorder buffer: " + DeadLetters.describe(e));
            }
        }
    }

    private ArticleReorderBuffer reorder() {
        if (reorder == null) {
            reorder = new ArticleReorderBuffer(context.getStateStore(StoreNames.ARTICLE_REORDER),
                    context.getStateStore(StoreNames.FUNNEL_WATERMARKS), context.getStateStore(StoreNames.FUNNEL_RELEASED),
                    IdleSources.of(PipelineMetrics.WATERMARK_STAGE_FUNNEL, settings, context::currentSystemTimeMs, metrics),
                    settings.watermarks().topicPartitions());
        }
        return reorder;
    }

    /** Scores one article; {@code source} names the input record it came with (see the class comment). */
    private void score(ArticleEvent article, String source, Output<ScoredArticle> out) {
        String hash = TextHash.content(article.getTitle(), article.getBody());
        long published = article.getPublishedAt().toEpochMilli();
        NoveltyState.SeenArticle before = seen.get(article.getId());
        // an entry older than the retention counts as forgotten whether or not expiry has run yet
        boolean known = before != null && before.contentHash().equals(hash)
                && !novelty.forgotten(before.seenAt(), published);
        if (known && !before.writtenFor(source)) {
            return; // re-ingested: already scored and counted
        }
        ArticleAnalysis.Result analysed;
        try {
            analysed = analysis.analyse(article);
        } catch (ArticleAnalysis.TooExpensive e) {
            // not retried: the same text would take as long again, and under exactly-once outlast the transaction
            out.deadLetter(DeadLetterReason.TOO_EXPENSIVE, e.getMessage());
            return;
        }
        if (known) {
            emitScores(article, analysed, before.verdict(), out, false); // replayed: the same scores, counted once already
            return;
        }
        newest = Math.max(newest, published);
        Novelty judged = novelty.assess(article, published);
        seen.put(article.getId(), new NoveltyState.SeenArticle(hash, published, source, judged));
        if (judged.duplicateOf() != null) {
            metrics.articleDuplicate(article.getLanguage());
        }
        emitScores(article, analysed, judged, out, true);
    }

    /** One scored record per entity the article is about; {@code count} adds them to the metrics. */
    private void emitScores(ArticleEvent article, ArticleAnalysis.Result analysed, Novelty judged,
            Output<ScoredArticle> out, boolean count) {
        long published = article.getPublishedAt().toEpochMilli();
        List<String> entities = analysed.scores().stream().map(s -> s.mention().entity()).distinct().toList();
        for (ArticleAnalysis.Scored entityScore : analysed.scores()) {
            EntityMention mention = entityScore.mention();
            SentimentScore score = entityScore.score();
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
                    .setEvidence(evidenceOf(score))
                    .setEntities(entities)
                    .setAnalysedChars(analysed.analysedChars())
                    .build();
            if (count) {
                metrics.articleScored(mention.ticker(), article.getLanguage());
            }
            out.emit(mention.ticker() != null ? mention.ticker() : mention.entity(), scored, published);
        }
    }

    /**
     * Forgets what no later article can use any more. Reads ignore entries older than the retention
     * anyway, so when this runs (on stream-time punctuation) changes no verdict; the cut-off follows
     * the newest article scored, not the funnel's stream time, which the watermarks move.
     */
    private void expire(long streamTime) {
        if (newest == Long.MIN_VALUE) {
            return; // nothing scored since the task started: nothing known to be old
        }
        novelty.expire(newest);
        long before = newest - settings.novelty().retention().millis();
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

    /** The scorer's evidence spans as the record's. */
    private static List<io.newsflow.avro.EvidenceSpan> evidenceOf(SentimentScore score) {
        List<io.newsflow.avro.EvidenceSpan> spans = new ArrayList<>(score.evidence().size());
        for (io.newsflow.text.EvidenceSpan span : score.evidence()) {
            spans.add(new io.newsflow.avro.EvidenceSpan(span.text(), span.weight()));
        }
        return spans;
    }
}
