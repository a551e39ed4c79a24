package io.newsflow.bench;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;

/**
 * The benchmark's input stream: price ticks with a proportionate trickle of articles and bond-book
 * updates (by default 1 article per 1,000 ticks and 1 bond update per 5,000 ticks), all seeded.
 * Keys follow the topic contracts: symbol, article id, deal id.
 */
final class Workload implements Feed {

    private final SyntheticMarket market;
    private final SyntheticNews news;
    private final SyntheticBondBooks bonds;
    private final int ticksPerArticle;
    private final int ticksPerBondUpdate;
    private long ticks;
    private boolean articleDue;
    private boolean bondDue;

    Workload(long seed, int ticksPerArticle, int ticksPerBondUpdate) {
        this.market = new SyntheticMarket(seed);
        this.news = new SyntheticNews(seed + 1);
        this.bonds = new SyntheticBondBooks(seed + 2);
        this.ticksPerArticle = ticksPerArticle;
        this.ticksPerBondUpdate = ticksPerBondUpdate;
    }

    Workload(long seed) {
        this(seed, 1_000, 5_000);
    }

    @Override
    public BenchEvent next(long timestampMillis) {
        if (articleDue) {
            articleDue = false;
            ArticleEvent article = news.next(timestampMillis);
            return new BenchEvent(Topics.ARTICLES, article.getId(), article, timestampMillis);
        }
        if (bondDue) {
            bondDue = false;
            BondBookUpdate update = bonds.next(timestampMillis);
            return new BenchEvent(Topics.BOND_BOOKS, update.getDealId(), update, timestampMillis);
        }
        ticks++;
        articleDue = ticks % ticksPerArticle == 0;
        bondDue = ticks % ticksPerBondUpdate == 0;
        PriceTick tick = market.next(timestampMillis);
        return new BenchEvent(Topics.PRICE_TICKS, tick.getSymbol(), tick, timestampMillis);
    }
}
