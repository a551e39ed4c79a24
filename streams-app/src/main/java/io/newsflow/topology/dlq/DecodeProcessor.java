package io.newsflow.topology.dlq;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.Degradations;
import io.newsflow.metrics.PipelineMetrics;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step of every input: the value its source decoded ({@link Decoded}) in, a valid typed record
 * keyed by its own id and stamped with its event time out, or a dead letter carrying the original
 * bytes. The source's deserializer never throws, so an undecodable record never fails the stream
 * thread: it is dead-lettered here.
 *
 * <p>A record whose schema cannot be fetched because the registry is down is not bad input: it is
 * decoded again in place for a few seconds (with backoff, reported to {@link Degradations}), then handed
 * back to Kafka Streams as {@link RegistryFaults.Unavailable}, which retries it from the last commit.
 * A record of another type than the topic's (a PriceTick on the articles topic) is a
 * {@link DeadLetterReason#DESERIALIZATION} dead letter; one whose event time lies outside
 * {@link InputLimits} an {@link DeadLetterReason#INVALID_TIMESTAMP} one.
 */
public class DecodeProcessor<T> implements Processor<byte[], Decoded, String, T> {

    /** How long one record waits in place for the registry: well below the EOS transaction timeout (10 s). */
    static final long MAX_IN_PLACE_WAIT_MS = 3_000;

    private final Class<T> type;
    private final Deserializer<T> deserializer;
    private final InputRules<T> rules;
    private final InputLimits limits;
    private final PipelineMetrics metrics;
    private final Degradations degradations;
    private ProcessorContext<String, T> context;

    /** @param deserializer the source's, to decode again while the schema registry is down */
    public DecodeProcessor(Class<T> type, Deserializer<T> deserializer, InputRules<T> rules, InputLimits limits,
            PipelineMetrics metrics, Degradations degradations) {
        this.type = type;
        this.deserializer = deserializer;
        this.rules = rules;
        this.limits = limits;
        this.metrics = metrics;
        this.degradations = degradations;
    }

    @Override
    public void init(ProcessorContext<String, T> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], Decoded> record) {
        metrics.recordProcessed(rules.stream());
        byte[] bytes = record.value() == null ? null : record.value().bytes();
        Object value;
        try {
            value = bytes == null ? null : decoded(record.value());
        } catch (RegistryFaults.Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetter(DeadLetterReason.DESERIALIZATION, DeadLetters.describe(e));
            return;
        }
        if (value == null) {
            deadLetter(DeadLetterReason.DESERIALIZATION, "null value");
            return;
        }
        if (!type.isInstance(value)) {
            deadLetter(DeadLetterReason.DESERIALIZATION, "wrong record type: "
                    + value.getClass().getSimpleName() + " on the " + rules.stream() + " topic, which takes "
                    + type.getSimpleName());
            return;
        }
        if (bytes.length > limits.deadLetterMaxPayloadBytes()) {
            deadLetter(DeadLetterReason.TOO_LARGE, bytes.length + " bytes, more than the "
                    + limits.deadLetterMaxPayloadBytes() + " the pipeline can write on (" + InputLimits.DEAD_LETTER_MAX_BYTES
                    + " less room for metadata)");
            return;
        }
        T typed = type.cast(value);
        Optional<InputRules.Violation> violation;
        try {
            violation = rules.check(typed);
            if (violation.isEmpty()) {
                violation = limits.eventTimeViolation(rules.eventTimeOf().apply(typed), context.currentSystemTimeMs())
                        .map(why -> new InputRules.Violation(DeadLetterReason.INVALID_TIMESTAMP, why));
            }
        } catch (RuntimeException e) {
            violation = Optional.of(new InputRules.Violation(DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e)));
        }
        if (violation.isPresent()) {
            deadLetter(violation.get().reason(), violation.get().detail());
            return;
        }
        long eventTime = rules.eventTimeOf().apply(typed).toEpochMilli();
        metrics.endToEndLag(rules.stream(), eventTime, context.currentSystemTimeMs());
        context.forward(new Record<>(rules.keyOf().apply(typed), typed, eventTime,
                Origin.tag(record.headers(), context.recordMetadata())));
    }

    /** The decoded value; throws the source's failure, unless it is the registry's: then it waits for it. */
    private Object decoded(Decoded decoded) {
        RuntimeException failure = decoded.failure();
        if (failure == null) {
            return decoded.value();
        }
        if (RegistryFaults.isOutage(failure)) {
            return decodeWaitingForTheRegistry(decoded.bytes());
        }
        throw failure;
    }

    private Object decodeWaitingForTheRegistry(byte[] bytes) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse(rules.stream());
        long waited = 0;
        long backoff = 100;
        while (true) {
            try {
                return deserializer.deserialize(topic, bytes);
            } catch (RuntimeException e) {
                if (!RegistryFaults.isOutage(e)) {
                    throw e;
                }
                degradations.report(RegistryFaults.SOURCE, "cannot fetch schemas, records of " + topic
                        + " wait: " + DeadLetters.describe(e));
                if (waited >= MAX_IN_PLACE_WAIT_MS) {
                    throw new RegistryFaults.Unavailable("schema registry unavailable; " + topic
                            + " waits and is retried from its last commit", e);
                }
                sleep(backoff);
                waited += backoff;
                backoff = Math.min(backoff * 2, 1_000);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryFaults.Unavailable("interrupted while waiting for the schema registry", e);
        }
    }

    /** The record is rejected: the processing exception handler writes its dead letter, with its raw bytes. */
    private static void deadLetter(DeadLetterReason reason, String detail) {
        throw new RejectedRecord(reason, detail);
    }

    /**
     * How each input topic is keyed, timed and validated. The key is taken from the value (symbol,
     * deal id, article id), the event time from its timestamp field.
     */
    public record InputRules<T>(String stream, Function<T, String> keyOf, Function<T, Instant> eventTimeOf,
            Function<T, Optional<Violation>> validate) {

        /** What is wrong with a decoded value. */
        public record Violation(DeadLetterReason reason, String detail) {
        }

        public static final InputRules<PriceTick> TICKS = new InputRules<>("ticks", PriceTick::getSymbol,
                PriceTick::getEventTime, InputRules::checkTick);
        public static final InputRules<BondBookUpdate> BONDS = new InputRules<>("bonds", BondBookUpdate::getDealId,
                BondBookUpdate::getEventTime, InputRules::checkBond);
        public static final InputRules<ArticleEvent> ARTICLES = new InputRules<>("articles", ArticleEvent::getId,
                ArticleEvent::getPublishedAt, InputRules::checkArticle);

        /** Checks common to every input, then the type's own rules. */
        public Optional<Violation> check(T value) {
            String key = keyOf.apply(value);
            if (key == null || key.isBlank()) {
                return violation(DeadLetterReason.MISSING_KEY, "no " + stream + " key (symbol, dealId or id) in the value");
            }
            Instant time = eventTimeOf.apply(value);
            if (time == null || time.toEpochMilli() <= 0) {
                return violation(DeadLetterReason.INVALID_TIMESTAMP, "event time " + time);
            }
            return validate.apply(value);
        }

        private static Optional<Violation> checkTick(PriceTick tick) {
            double price = tick.getPrice();
            if (Double.isNaN(price) || Double.isInfinite(price) || price <= 0) {
                return violation(DeadLetterReason.INVALID_PRICE, "price " + price + " for " + tick.getSymbol());
            }
            return Optional.empty();
        }

        private static Optional<Violation> checkBond(BondBookUpdate update) {
            if (update.getTargetSize() <= 0) {
                return violation(DeadLetterReason.INVALID_BOND, "targetSize " + update.getTargetSize() + " <= 0");
            }
            if (update.getOrderBookSize() < 0) {
                return violation(DeadLetterReason.INVALID_BOND, "orderBookSize " + update.getOrderBookSize() + " < 0");
            }
            if (update.getStatus() == null || update.getStatus() == BondStatus.UNKNOWN) {
                return violation(DeadLetterReason.INVALID_BOND, "unknown status " + update.getStatus());
            }
            Double spread = update.getSpreadGuidanceBps();
            if (spread != null && (spread.isNaN() || spread.isInfinite())) {
                return violation(DeadLetterReason.INVALID_BOND, "spread guidance " + spread);
            }
            return Optional.empty();
        }

        private static Optional<Violation> checkArticle(ArticleEvent article) {
            boolean noTitle = article.getTitle() == null || article.getTitle().isBlank();
            boolean noBody = article.getBody() == null || article.getBody().isBlank();
            if (noTitle && noBody) {
                return violation(DeadLetterReason.EMPTY_ARTICLE, "title and body are empty");
            }
            return Optional.empty();
        }

        private static Optional<Violation> violation(DeadLetterReason reason, String detail) {
            return Optional.of(new Violation(reason, detail));
        }
    }
}
