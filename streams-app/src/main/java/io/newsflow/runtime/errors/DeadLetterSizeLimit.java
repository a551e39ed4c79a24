package io.newsflow.runtime.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.config.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The largest dead letter that can be written: the smaller of the Streams producer's
 * {@code max.request.size} and the dead-letter topic's {@code max.message.bytes} (as the broker
 * describes it at start; the producer's limit alone when the topic cannot be described).
 */
public final class DeadLetterSizeLimit {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSizeLimit.class);

    private DeadLetterSizeLimit() {
    }

    public static int of(Properties streamsProps, Properties adminProps) {
        int limit = producerMaxRequestSize(streamsProps);
        try (Admin admin = Admin.create(adminProps)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTERS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(java.util.List.of(topic)).all()
                    .get(10, TimeUnit.SECONDS);
            ConfigEntry entry = configs.get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && entry.value() != null) {
                limit = Math.min(limit, Integer.parseInt(entry.value()));
            }
        } catch (Exception e) {
            LOG.warn("cannot read " + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " of " + Topics.DEAD_LETTERS
                    + " (" + e + "); dead letters are kept below the producer's max.request.size " + limit);
        }
        return limit;
    }

    static int producerMaxRequestSize(Properties streamsProps) {
        Object value = streamsProps.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (value == null) {
            value = streamsProps.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return value == null ? 1_048_576 : Integer.parseInt(value.toString().trim());
    }

}
