package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.config.AppConfig;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.runtime.RequiredAcls;
import io.newsflow.runtime.RequiredAcls.Role;
import io.newsflow.serde.AvroSerdeConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The app's documented READ ACLs are exactly the topics its topology reads (besides its internal ones). */
class RequiredAclsCoverTheTopologyTest {

    @Test
    void everyTopicTheTopologyReadsHasAReadAcl() {
        TopologyDescription description = new NewsflowTopology(TopologySettings.defaults(),
                FakeTextAnalysis.resolver(), FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter(),
                new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5),
                TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://acls"))).build().describe();
        Set<String> read = new TreeSet<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                source.topicSet().stream().filter(t -> !t.contains("-repartition")).forEach(read::add);
            }
        }));

        Set<String> granted = new TreeSet<>();
        RequiredAcls.of(AppConfig.defaults().with("bootstrap.servers", "cluster:9092"), Role.APP).stream()
                .filter(a -> a.type() == ResourceType.TOPIC && a.pattern() == PatternType.LITERAL
                        && a.operation() == AclOperation.READ)
                .forEach(a -> granted.add(a.name()));
        assertEquals(read, granted);
    }
}
