package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.DeadLetter;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.registry.MockSchemaRegistry;
import io.newsflow.serde.registry.SchemaRegistryException;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the production exception handler answers Kafka Streams for each kind of failure. */
class DeadLetterProductionHandlerTest {

    private final String scope = "production-handler-" + UUID.randomUUID();
    private final TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of(), 1);
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

    DeadLetterProductionHandlerTest() {
        handler.configure(Map.of(ErrorDeadLetters.CONFIG, new ErrorDeadLetters(new DeadLetters(metrics, 64 * 1024),
                serdes.deadLetter().serializer(), metrics)));
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
        return new ErrorHandlerContext() {
            public String topic() {
                return Topics.ARTICLES;
            }

            public int partition() {
                return 1;
            }

            public long offset() {
                return 7L;
            }

            public Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "articles-decode";
            }

            public TaskId taskId() {
                return new TaskId(0, 1);
            }

            public long timestamp() {
                return 1_000L;
            }

            public byte[] sourceRawKey() {
                return null;
            }

            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
