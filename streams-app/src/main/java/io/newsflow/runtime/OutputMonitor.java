package io.newsflow.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.config.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's output topics (committed records only) and keeps what the demo summary
 * shows: records per topic, alerts, latest rolling sentiment, bond books, credit-equity views and
 * market reactions. Runs its own consumer thread; readers get consistent snapshots.
 */
public final class OutputMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputMonitor.class);

    /** What the pipeline has produced so far. */
    public record Snapshot(Map<String, Long> recordsPerTopic, List<PriceMoveAlert> alerts,
            Map<String, SentimentRolling> latestSentiment, Map<String, BondBookSummary> bondBooks,
            Map<String, CreditEquityView> creditEquity, List<CreditEquityView> allCreditEquity,
            Map<String, MarketReaction> reactions,
            List<MarketReaction> allReactions, Map<String, Long> deadLettersPerReason) {

        public long total() {
            return recordsPerTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Each demo reads the outputs from their start in a group of its own: this prefix and a random id. */
    public static final String GROUP_PREFIX = "newsflow-monitor-";

    private final KafkaConsumer<String, Object> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastRecordNanos = new AtomicLong(System.nanoTime());
    private volatile boolean caughtUp;
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<PriceMoveAlert> alerts = new ArrayList<>();
    private final Map<String, SentimentRolling> sentiment = new TreeMap<>();
    private final Map<String, BondBookSummary> bonds = new TreeMap<>();
    private final Map<String, CreditEquityView> credit = new TreeMap<>();
    private final List<CreditEquityView> allCredit = new ArrayList<>();
    private final Map<String, MarketReaction> reactions = new TreeMap<>();
    private final List<MarketReaction> allReactions = new ArrayList<>();
    private final Map<String, Long> deadLetters = new TreeMap<>();

    public OutputMonitor(AppConfig config) {
        Properties props = new Properties();
        props.putAll(KafkaClientConfig.consumer(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerdes.valueDeserializer(config));
        consumer.subscribe(Topics.OUTPUTS);
        thread = new Thread(this::poll, "newsflow-output-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            long nextCheck = 0;
            while (running.get()) {
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, Object> record : records) {
                    record(record.topic(), record.value());
                }
                if (records.isEmpty() && System.nanoTime() >= nextCheck) {
                    caughtUp = atEnd();
                    nextCheck = System.nanoTime() + Duration.ofMillis(500).toNanos();
                } else if (!records.isEmpty()) {
                    caughtUp = false;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("Output monitor stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether every output partition has been read up to its last stable offset (committed end). */
    private boolean atEnd() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.stream().map(TopicPartition::topic).distinct().count() < Topics.OUTPUTS.size()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private synchronized void record(String topic, Object value) {
        lastRecordNanos.set(System.nanoTime());
        counts.merge(topic, 1L, Long::sum);
        if (value instanceof PriceMoveAlert alert) {
            alerts.add(alert);
        } else if (value instanceof SentimentRolling s) {
            sentiment.put(s.getTicker() + " " + s.getWindowLabel(), s);
        } else if (value instanceof BondBookSummary b) {
            bonds.put(b.getDealId(), b);
        } else if (value instanceof CreditEquityView c) {
            credit.put(c.getIssuerSymbol(), c);
            allCredit.add(c);
        } else if (value instanceof MarketReaction r) {
            reactions.put(r.getTicker() + " " + r.getHorizonLabel(), r);
            allReactions.add(r);
        } else if (value instanceof DeadLetter d) {
            deadLetters.merge(d.getReason(), 1L, Long::sum);
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(new TreeMap<>(counts), List.copyOf(alerts), new TreeMap<>(sentiment), new TreeMap<>(bonds),
                new TreeMap<>(credit), List.copyOf(allCredit), new TreeMap<>(reactions), List.copyOf(allReactions), new TreeMap<>(deadLetters));
    }

    /** True once everything committed to the output topics so far has been read (false again while records arrive). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** How long no output record has arrived. */
    public Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastRecordNanos.get());
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
