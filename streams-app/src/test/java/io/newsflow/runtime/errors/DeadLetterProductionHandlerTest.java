package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.DeadLetter;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.registry.MockSchemaRegistry;
import io.newsflow.serde.registry.SchemaRegistryException;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the production exception handler answers Kafka Streams for each kind of failure. */
class DeadLetterProductionHandlerTest {

    private final String scope = "production-handler-" + UUID.randomUUID();
    private final TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of(), 1);
    private final RefusedWrites refused = new RefusedWrites();
    private final DeadLetterProductionHandler handler = handler("at_least_once");

    private DeadLetterProductionHandler handler(String processingGuarantee) {
        DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(Map.of(ErrorDeadLetters.CONFIG, new ErrorDeadLetters(new DeadLetters(metrics, 64 * 1024),
                serdes.deadLetter().serializer(), metrics), RefusedWrites.CONFIG, refused,
                FailedRecords.CONFIG, new FailedRecords(), StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee));
        return handler;
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aResultTheProducerRefusesIsADeadLetterOfTheInputRecordCarryingTheResultCut() {
        byte[] result = new byte[100_000];
        Response response = handler.handleError(context(), new ProducerRecord<>("newsflow-articles-novelty-repartition",
                "a1".getBytes(StandardCharsets.UTF_8), result), new RecordTooLargeException("too large"));

        assertEquals(Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
        assertEquals(Topics.DEAD_LETTERS, record.topic());
        assertEquals(null, record.timestamp(), "stamped by the producer: the failure may be the timestamp");
        DeadLetter letter = serdes.deadLetter().deserializer().deserialize(Topics.DEAD_LETTERS, record.value());
        assertEquals("PRODUCTION_ERROR", letter.getReason());
        assertEquals(Topics.ARTICLES, letter.getSourceTopic());
        assertEquals(7L, letter.getOffset());
        assertEquals(100_000L, letter.getPayloadLength());
        assertEquals("could not write to newsflow-articles-novelty-repartition: RecordTooLargeException: too large",
                letter.getDetail());
        assertEquals(1.0, registry.counter("newsflow.dead.letters", "reason", "PRODUCTION_ERROR").count());
    }

    @Test
    void underExactlyOnceARefusedResultFailsTheThreadAndIsDeadLetteredWhenItComesAgain() {
        DeadLetterProductionHandler exactlyOnce = handler("exactly_once_v2");
        ProducerRecord<byte[], byte[]> alert = new ProducerRecord<>(Topics.PRICE_ALERTS, null, 4_102_444_800_000L,
                "AMZN".getBytes(StandardCharsets.UTF_8), new byte[10]);
        InvalidTimestampException refusal = new InvalidTimestampException("Timestamp 4102444800000 is out of range");

        assertEquals(Result.FAIL, exactlyOnce.handleError(context(), alert, refusal).result(),
                "the transaction aborts whatever the answer: the input is processed again");
        assertEquals(0.0, registry.counter("newsflow.dead.letters", "reason", "PRODUCTION_ERROR").count());

        Exception again = refused.refusal(alert).orElseThrow();
        Response response = exactlyOnce.handleError(context(), alert, new RefusedWriteException(again));
        assertEquals(Result.RESUME, response.result());
        DeadLetter letter = serdes.deadLetter().deserializer().deserialize(Topics.DEAD_LETTERS,
                response.deadLetterQueueRecords().get(0).value());
        assertEquals(Topics.ARTICLES, letter.getSourceTopic());
        assertEquals(7L, letter.getOffset());
        assertEquals("could not write to alerts.price-moves: InvalidTimestampException: Timestamp 4102444800000 is out of range",
                letter.getDetail());
        assertEquals(1.0, registry.counter("newsflow.dead.letters", "reason", "PRODUCTION_ERROR").count());
    }

    @Test
    void aResultTheBrokerRefusesFailsTheThreadFromTheNetworkThreadAndIsRemembered() throws Exception {
        ProducerRecord<byte[], byte[]> alert = new ProducerRecord<>(Topics.PRICE_ALERTS, new byte[1], new byte[500]);
        Response[] response = new Response[1];
        Thread network = new Thread(() -> response[0] = handler.handleError(context(), alert,
                new RecordTooLargeException("over max.message.bytes")), KafkaProducer.NETWORK_THREAD_PREFIX + " | test");
        network.start();
        network.join();

        assertEquals(Result.FAIL, response[0].result());
        assertEquals(List.of(), response[0].deadLetterQueueRecords(), "no dead letter written from the network thread");
        assertTrue(refused.refusal(alert).isPresent());
    }

    /**
     * A released held alert carries the origin of its tick; the record being processed (the context) is the
     * watermark that released it, and processing that again would not release the alert again.
     */
    @Test
    void underAtLeastOnceAReleasedHeldOutputTheBrokerRefusesIsDeadLetteredAtTheNextFlushNamingItsOrigin()
            throws Exception {
        ProducerRecord<byte[], byte[]> alert = new ProducerRecord<>(Topics.PRICE_ALERTS, null, 1_000L,
                "AMZN".getBytes(StandardCharsets.UTF_8), new byte[5], new Origin(Topics.PRICE_TICKS, 2, 41L).headers());
        Response[] response = new Response[1];
        Thread network = new Thread(() -> response[0] = handler.handleError(
                new TestErrorContext("newsflow-news-context-repartition", 0, 3L), alert,
                new InvalidTimestampException("out of range")), KafkaProducer.NETWORK_THREAD_PREFIX + " | test");
        network.start();
        network.join();

        assertEquals(Result.RESUME, response[0].result(), "not failed: a replay would not release it again");
        assertEquals(List.of(), response[0].deadLetterQueueRecords(), "no dead letter written from the network thread");
        List<RefusedWrites.Later> later = refused.takeLater();
        assertEquals(1, later.size());
        DeadLetter letter = serdes.deadLetter().deserializer().deserialize(Topics.DEAD_LETTERS,
                later.get(0).deadLetter().value());
        assertEquals(List.of(Topics.PRICE_TICKS, 2, 41L, 1_000L), List.of(letter.getSourceTopic(), letter.getPartition(),
                letter.getOffset(), letter.getRecordTimestamp().toEpochMilli()));
        assertEquals("could not write to alerts.price-moves: InvalidTimestampException: out of range", letter.getDetail());
        assertEquals(List.of(), refused.takeLater(), "taken once");
    }

    @Test
    void aRecordThatOnlySharedARefusedBatchIsNotRememberedButSentAgain() {
        ProducerRecord<byte[], byte[]> alert = new ProducerRecord<>(Topics.PRICE_ALERTS, new byte[1], new byte[5]);

        assertEquals(Result.FAIL, handler("exactly_once_v2").handleError(context(), alert, new KafkaException(
                "Failed to append record because it was part of a batch which had one more more invalid records")).result());
        assertTrue(refused.refusal(alert).isEmpty());
    }

    @Test
    void retriableErrorsAreRetried() {
        Response response = handler.handleError(context(), new ProducerRecord<>("x", new byte[1]),
                new TimeoutException("slow"));

        assertEquals(Result.RETRY, response.result());
    }

    @Test
    void aDeadLetterThatFailsIsCountedAsSkippedNotDeadLetteredAgain() {
        Response response = handler.handleError(context(), new ProducerRecord<>(Topics.DEAD_LETTERS, new byte[1]),
                new RecordTooLargeException("too large"));

        assertEquals(Result.RESUME, response.result());
        assertEquals(List.of(), response.deadLetterQueueRecords());
        assertEquals(1.0, registry.counter("newsflow.records.skipped", "reason",
                PipelineMetrics.DEAD_LETTER_NOT_WRITTEN).count());
    }

    @Test
    void aRegistryOutageWhileSerializingFailsTheThreadSoThatTheResultIsRetried() {
        Response response = handler.handleSerializationError(context(), new ProducerRecord<>("x", "v"),
                new SerializationException("no registry",
                        new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "unreachable")),
                SerializationExceptionOrigin.VALUE);

        assertEquals(Result.FAIL, response.result());
    }

    private static ErrorHandlerContext context() {
        return new TestErrorContext(Topics.ARTICLES, 1, 7L);
    }
}
