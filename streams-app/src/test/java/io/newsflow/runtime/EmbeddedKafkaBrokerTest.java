package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("broker")
class EmbeddedKafkaBrokerTest {

    @Test
    void createsTopicsIdempotentlyAndReleasesItsPortOnClose() throws Exception {
        int port;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            port = broker.port();
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());

            broker.createTopics(List.of("a", "b"), 3);
            broker.createTopics(List.of("b", "c"), 3); // b exists already: no error
            broker.createTopic("d", 1);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertTrue(admin.listTopics().names().get().containsAll(Set.of("a", "b", "c", "d")));
                Map<String, TopicDescription> topics = admin.describeTopics(List.of("a", "b", "c", "d")).allTopicNames().get();
                assertEquals(3, topics.get("a").partitions().size());
                assertEquals(3, topics.get("b").partitions().size());
                assertEquals(3, topics.get("c").partitions().size());
                assertEquals(1, topics.get("d").partitions().size());
                assertEquals(1, topics.get("a").partitions().get(0).replicas().size());
            }

            broker.close();
            assertThrows(IllegalStateException.class, () -> broker.createTopic("e", 1));
        }
        // close() released the listener: the port can be bound again.
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        }
    }

    @Test
    void portInUseFailsWithAnErrorNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedKafkaBroker.start(port));

            assertTrue(e.getMessage().contains("port " + port), e.getMessage());
        }
    }

    @Test
    void rejectsAnInvalidPort() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafkaBroker.start(0));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafkaBroker.start(70000));
    }
}
