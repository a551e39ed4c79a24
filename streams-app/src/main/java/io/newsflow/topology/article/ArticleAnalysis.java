package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.text.EntityMention;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.SentimentScorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entity resolution and sentiment of one article, bounded twice: the text read is capped
 * ({@link AnalysisText#capped}, {@code text.analysis.max.chars}) and the work must end within a time
 * budget ({@code text.analysis.budget}). The budget is the safety net under the cap: under exactly-once a
 * record whose processing outlasts the transaction timeout (10 s by default) gets its thread fenced, and
 * the thread takes the same record again, forever. So the analysis runs on a worker thread and the stream
 * thread waits at most the budget; past it the worker is interrupted and the article is
 * {@link TooExpensive} (dead-lettered, not retried). Thread-safe: the resolver and scorer are.
 */
public final class ArticleAnalysis {

    /** The workers, shared by every task: daemon threads, created when needed and ended when idle. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "newsflow-text-analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** One entity the article is about, with its sentiment. */
    public record Scored(EntityMention mention, SentimentScore score) {
    }

    /** The scores, and how much text was read when the cap cut it (else null). */
    public record Result(List<Scored> scores, Integer analysedChars) {
    }

    /** The article took longer than the budget. */
    public static final class TooExpensive extends Exception {
        TooExpensive(String message) {
            super(message);
        }
    }

    private final EntityResolver resolver;
    private final SentimentScorer scorer;
    private final int maxChars;
    private final Duration budget;

    public ArticleAnalysis(EntityResolver resolver, SentimentScorer scorer, int maxChars, Duration budget) {
        this.resolver = resolver;
        this.scorer = scorer;
        this.maxChars = maxChars;
        this.budget = budget;
    }

    /**
     * Analyses two short articles (English, Japanese) on the calling thread, without a budget: the first
     * analysis loads the tokenizers' dictionaries and the models' classes, which on a loaded machine takes
     * seconds that must not count against the first real article's budget. Call once before processing.
     */
    public void warmUp() {
        for (String[] sample : new String[][] {{"en", "Example Corp shares rose after results."},
            {"ja", "例の会社の株価は決算発表の後に上昇した。"}}) {
            scores(ArticleEvent.newBuilder().setId("warm-up-" + sample[0]).setSource("warm-up").setTitle("")
                    .setBody(sample[1]).setLanguage(sample[0]).setPublishedAt(java.time.Instant.EPOCH).build());
        }
    }

    public Result analyse(ArticleEvent article) throws TooExpensive {
        AnalysisText text = AnalysisText.capped(article, maxChars);
        Future<List<Scored>> work = WORKERS.submit(() -> scores(text.article()));
        try {
            return new Result(work.get(budget.toMillis(), TimeUnit.MILLISECONDS), text.analysedChars());
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new TooExpensive("article " + article.getId() + ": text analysis of "
                    + (text.article().getTitle().length() + text.article().getBody().length())
                    + " chars did not end within text.analysis.budget=" + budget.toMillis() + "ms");
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing article " + article.getId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the record's own fault: the caller dead-letters it as a processing error
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Scored> scores(ArticleEvent analysed) {
        List<Scored> scores = new ArrayList<>();
        for (EntityMention mention : resolver.resolve(analysed)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // the stream thread has given up on this article: stop spending CPU on it
            }
            scores.add(new Scored(mention, scorer.score(analysed, mention)));
        }
        return scores;
    }
}
