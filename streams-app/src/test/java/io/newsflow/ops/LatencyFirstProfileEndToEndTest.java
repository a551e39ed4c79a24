package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The Meta bond-day story with the shipped latency-first profile (config/latency-first.properties:
 * at-least-once, max.task.idle.ms=-1, one-partition articles scored where they are read): the same
 * results as with the defaults.
 */
class LatencyFirstProfileEndToEndTest extends MetaBondDayStoryTest {

    @Override
    protected AppConfig baseConfig() {
        return AppConfig.load(RepoFiles.path("config/latency-first.properties"), Map.of(), Map.of());
    }

    /** The outputs and the live metrics are checked once the replay is over (the default pace: MetaBondDayLiveTest). */
    @Override
    protected boolean fastReplay() {
        return true;
    }

    @Test
    void theProfileIsInEffect() {
        AppConfig profile = baseConfig();
        assertEquals("at_least_once", profile.getString("processing.guarantee"));
        assertEquals("-1", profile.getString("kafka.streams.max.task.idle.ms"));
        assertEquals(true, profile.getBoolean("articles.single.partition"));
    }

    @Test
    void theArticlesTopicWasCreatedWithOnePartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            assertEquals(1, admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get()
                    .get(Topics.ARTICLES).partitions().size());
            assertEquals(3, admin.describeTopics(List.of(Topics.PRICE_TICKS)).allTopicNames().get()
                    .get(Topics.PRICE_TICKS).partitions().size());
        }
    }
}
