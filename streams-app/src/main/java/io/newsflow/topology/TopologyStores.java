package io.newsflow.topology;

import io.newsflow.config.Topics;
import io.newsflow.topology.alert.PriceMoveDetector.AlertState;
import io.newsflow.topology.article.BufferedArticle;
import io.newsflow.topology.article.FingerprintSerde;
import io.newsflow.topology.article.NoveltyState;
import io.newsflow.topology.bond.DealState;
import io.newsflow.topology.bond.FlipWalk;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.market.PendingReaction;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.state.SortedMemoryStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state stores of the processing steps ({@link StoreNames}), one builder each, and the wiring of
 * each step to the stores it uses ({@link #process}). A store only one step uses is declared by that
 * step's supplier ({@link ProcessorSupplier#stores()}). A store several steps share ({@link #SHARED})
 * is added to the builder once and connected to each of them by name: Kafka Streams 4.3 puts steps
 * whose suppliers declare the same store builder into separate sub-topologies, each with a copy of
 * the store (KAFKA-20464, fixed upstream by apache/kafka#22102), which would split the market state
 * the tick, reaction and credit steps share. A store declared by a second step fails the build.
 *
 * <p>Three kinds of store, by how they are used:
 * <ul>
 *   <li>news state (ids, fragments, fingerprints, sentiment contributions): RocksDB; it grows with
 *       the news retention and is touched once per article;</li>
 *   <li>tick points: RocksDB behind the record cache; the tick step writes one key per symbol
 *       and bucket on every tick (the cache sends the last value per commit to RocksDB and the
 *       changelog) and reads its own in-memory copy ({@link io.newsflow.topology.market.TickHistory});</li>
 *   <li>small market state read on the tick path (pending reactions, open moves, deals, views,
 *       stream times): in memory ({@link SortedMemoryStore}), restored from the changelog on start,
 *       so a look-up is a map access rather than a RocksDB call through JNI.</li>
 * </ul>
 */
final class TopologyStores {

    /** The stores read or written by more than one step. */
    static final Set<String> SHARED = Set.of(StoreNames.CLOSE_POINTS,
            StoreNames.PENDING_REACTIONS, StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.ISSUER_DEALS,
            StoreNames.CREDIT_VIEWS, StoreNames.CREDIT_VIEW_SOURCES, StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK,
            StoreNames.FUNNEL_RELEASED, StoreNames.DEAL_HISTORY, StoreNames.DEAL_WATERMARKS,
            StoreNames.CREDIT_FLIP_WALKS, StoreNames.CLOSE_CLOCKS);

    private final Map<String, StoreBuilder<?>> builders = new HashMap<>();
    /** Store -> the step whose supplier declares it. */
    private final Map<String, String> owners = new HashMap<>();

    TopologyStores(TopologySerdes serdes) {
        persistent(StoreNames.ARTICLE_REORDER, BufferedArticle.serde(serdes.articleEvent(), Topics.ARTICLES));
        inMemory(StoreNames.FUNNEL_WATERMARKS, Serdes.Long());
        inMemory(StoreNames.FUNNEL_RELEASED, Serdes.Long());
        persistent(StoreNames.ARTICLE_SEEN, new JsonSerde<>(NoveltyState.SeenArticle.class));
        persistent(StoreNames.ARTICLE_FINGERPRINTS, new FingerprintSerde());
        persistent(StoreNames.FRAGMENT_SEEN, new JsonSerde<>(NoveltyState.SeenFragment.class));
        persistent(StoreNames.NEWS_SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        inMemory(StoreNames.NEWS_STREAM_TIMES, Serdes.Long());
        persistent(StoreNames.SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        cached(StoreNames.TICK_POINTS, TickPoint.serde());
        cached(StoreNames.CLOSE_POINTS, TickPoint.serde());
        inMemory(StoreNames.STREAM_TIMES, Serdes.Long());
        inMemory(StoreNames.PENDING_REACTIONS, new JsonSerde<>(PendingReaction.class));
        // moved by nearly every close: cached, so the changelog gets one record per commit, not one per close
        cachedInMemory(StoreNames.CLOSE_CLOCKS, Serdes.Long());
        inMemory(StoreNames.ALERT_STATE, new JsonSerde<>(AlertState.class));
        inMemory(StoreNames.BOND_DEALS, new JsonSerde<>(DealState.class));
        inMemory(StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        inMemory(StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        inMemory(StoreNames.CREDIT_VIEW_SOURCES, Serdes.String());
        inMemory(StoreNames.NEWS_WATERMARK, Serdes.Long());
        inMemory(StoreNames.HELD_OUTPUTS, new JsonSerde<>(HeldOutputs.Held.class));
        inMemory(StoreNames.DEAL_HISTORY, new JsonSerde<>(IssuerDeal.class));
        inMemory(StoreNames.DEAL_WATERMARKS, Serdes.Long());
        inMemory(StoreNames.CREDIT_FLIP_WALKS, new JsonSerde<>(FlipWalk.class));
        inMemory(StoreNames.BOND_TRANCHES, new JsonSerde<>(io.newsflow.topology.bond.TrancheBook.class));
        persistent(StoreNames.SIGNAL_OBSERVATIONS, new JsonSerde<>(io.newsflow.topology.signal.SignalObservation.class));
        inMemory(StoreNames.REACTION_COMPLETIONS, Serdes.Long());
        persistent(StoreNames.SIGNAL_HELD_ALL,
                new JsonSerde<>(io.newsflow.topology.signal.OverallSignalQualityProcessor.HeldReaction.class));
        persistent(StoreNames.SIGNAL_OBSERVATIONS_ALL, new JsonSerde<>(io.newsflow.topology.signal.SignalObservation.class));
        inMemory(StoreNames.DECAYED_SENTIMENT,
                new JsonSerde<>(io.newsflow.topology.sentiment.DecayedSentimentProcessor.Entry.class));
    }

    /** Adds the {@link #SHARED} stores to {@code builder}, before the steps that use them. */
    void addSharedTo(StreamsBuilder builder) {
        SHARED.forEach(name -> builder.addStateStore(builders.get(name)));
    }

    /** {@code stream.process(...)}: the step {@code name}, connected to the {@code stores} it uses. */
    <K, V, KOut, VOut> KStream<KOut, VOut> process(KStream<K, V> stream,
            Supplier<? extends Processor<K, V, KOut, VOut>> processor, Collection<String> stores, String name) {
        Set<StoreBuilder<?>> declared = new LinkedHashSet<>();
        for (String store : stores) {
            if (!builders.containsKey(store)) {
                throw new IllegalArgumentException("no state store " + store);
            }
            if (!SHARED.contains(store)) {
                String owner = owners.putIfAbsent(store, name);
                if (owner != null && !owner.equals(name)) {
                    throw new IllegalStateException("state store " + store + " is used by " + owner + " and " + name
                            + ": list it in TopologyStores.SHARED");
                }
                declared.add(builders.get(store));
            }
        }
        ProcessorSupplier<K, V, KOut, VOut> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<K, V, KOut, VOut> get() {
                return processor.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return declared;
            }
        };
        return stream.process(supplier, Named.as(name),
                stores.stream().filter(SHARED::contains).toArray(String[]::new));
    }

    private <V> void persistent(String name, Serde<V> valueSerde) {
        builders.put(name, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde));
    }

    private <V> void cached(String name, Serde<V> valueSerde) {
        builders.put(name, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde).withCachingEnabled());
    }

    private <V> void cachedInMemory(String name, Serde<V> valueSerde) {
        builders.put(name, Stores.keyValueStoreBuilder(SortedMemoryStore.supplier(name), Serdes.String(),
                valueSerde).withCachingEnabled());
    }

    private <V> void inMemory(String name, Serde<V> valueSerde) {
        builders.put(name, Stores.keyValueStoreBuilder(SortedMemoryStore.supplier(name), Serdes.String(),
                valueSerde));
    }
}
