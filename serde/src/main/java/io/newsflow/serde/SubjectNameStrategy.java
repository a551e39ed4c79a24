package io.newsflow.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How the subject a schema is registered under is named, as Confluent's strategies of the same
 * names (configured by their class names under {@code key.subject.name.strategy} and
 * {@code value.subject.name.strategy}).
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one record type per topic (Confluent's default). */
    TOPIC_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one type, many topics. */
    RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<record full name>}: several types per topic. */
    TOPIC_RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /**
     * Accepts Confluent's class names (io.confluent.kafka.serializers.subject.TopicNameStrategy...),
     * a Class object of that name, or the simple names; null means TopicNameStrategy.
     */
    public static SubjectNameStrategy parse(Object configured) {
        if (configured == null) {
            return TOPIC_NAME;
        }
        String name = configured instanceof Class<?> type ? type.getName() : configured.toString().trim();
        String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (simple) {
            case "", "topicnamestrategy", "topic_name" -> TOPIC_NAME;
            case "recordnamestrategy", "record_name" -> RECORD_NAME;
            case "topicrecordnamestrategy", "topic_record_name" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("Unsupported subject name strategy '" + name
                    + "': expected TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }
}
