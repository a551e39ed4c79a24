package io.newsflow.ingest;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import java.time.Instant;

/** A record ready to publish: topic, key and event time chosen by record type. */
public record Outgoing(String topic, String key, Object value, Instant eventTime) {

    public static Outgoing of(ArticleEvent a) {
        return new Outgoing(Topics.ARTICLES, a.getId(), a, a.getPublishedAt());
    }

    public static Outgoing of(PriceTick t) {
        return new Outgoing(Topics.PRICE_TICKS, t.getSymbol(), t, t.getEventTime());
    }

    public static Outgoing of(BondBookUpdate u) {
        return new Outgoing(Topics.BOND_BOOKS, u.getDealId(), u, u.getEventTime());
    }
}
