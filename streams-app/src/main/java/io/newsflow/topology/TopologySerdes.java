package io.newsflow.topology;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.avro.DecayedSentiment;
import io.newsflow.avro.SignalQuality;
import io.newsflow.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Avro value serdes of every topic the topology reads or writes (keys are plain strings),
 * configured once from the serde settings ({@code schema.registry.url} and friends).
 */
public record TopologySerdes(
        Serde<PriceTick> priceTick,
        Serde<BondBookUpdate> bondBookUpdate,
        Serde<ArticleEvent> articleEvent,
        Serde<ScoredArticle> scoredArticle,
        Serde<SentimentRolling> sentimentRolling,
        Serde<MarketReaction> marketReaction,
        Serde<BondBookSummary> bondBookSummary,
        Serde<CreditEquityView> creditEquityView,
        Serde<PriceMoveAlert> priceMoveAlert,
        Serde<DeadLetter> deadLetter,
        Serde<SignalQuality> signalQuality,
        Serde<DecayedSentiment> decayedSentiment) implements AutoCloseable {

    public static TopologySerdes avro(Map<String, ?> serdeConfig) {
        return new TopologySerdes(avro(serdeConfig, PriceTick.class), avro(serdeConfig, BondBookUpdate.class),
                avro(serdeConfig, ArticleEvent.class), avro(serdeConfig, ScoredArticle.class),
                avro(serdeConfig, SentimentRolling.class), avro(serdeConfig, MarketReaction.class),
                avro(serdeConfig, BondBookSummary.class), avro(serdeConfig, CreditEquityView.class),
                avro(serdeConfig, PriceMoveAlert.class), avro(serdeConfig, DeadLetter.class),
                avro(serdeConfig, SignalQuality.class), avro(serdeConfig, DecayedSentiment.class));
    }

    /** Releases the serdes' registry clients (Kafka Streams does not close the serdes a topology is built with). */
    @Override
    public void close() {
        for (Serde<?> serde : List.of(priceTick, bondBookUpdate, articleEvent, scoredArticle, sentimentRolling,
                marketReaction, bondBookSummary, creditEquityView, priceMoveAlert, deadLetter, signalQuality,
                decayedSentiment)) {
            serde.close();
        }
    }

    private static <T extends SpecificRecord> Serde<T> avro(Map<String, ?> config, Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
