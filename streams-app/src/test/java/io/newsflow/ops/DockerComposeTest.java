package io.newsflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.config.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked statically: against the
 * Compose Specification's JSON schema, and its wiring against the rest of the repository: topics, ports, environment overrides, mounts and the Grafana/Prometheus
 * links must agree with each other.
 */
class DockerComposeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        compose = YAML.readTree(RepoFiles.path("docker-compose.yml").toFile());
        services = compose.path("services");
        assertTrue(services.size() > 0, "no services in docker-compose.yml");
    }

    private static JsonNode service(String name) {
        JsonNode service = services.get(name);
        assertTrue(service != null && service.isObject(), "docker-compose.yml has no service " + name);
        return service;
    }

    private static String env(String serviceName, String variable) {
        JsonNode value = service(serviceName).path("environment").get(variable);
        assertTrue(value != null, serviceName + " does not set " + variable);
        return value.asText();
    }

    private static String commandText(JsonNode service) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("entrypoint", "command")) {
            JsonNode node = service.path(field);
            if (node.isArray()) {
                node.forEach(n -> parts.add(n.asText()));
            } else if (!node.isMissingNode()) {
                parts.add(node.asText());
            }
        }
        return String.join(" ", parts);
    }

    /** Container port published on {@code hostPort} ("host:container" entries). */
    private static Map<Integer, Integer> publishedPorts(String serviceName) {
        Map<Integer, Integer> ports = new HashMap<>();
        for (JsonNode port : service(serviceName).path("ports")) {
            String[] parts = port.asText().split(":");
            ports.put(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
        }
        return ports;
    }

    @Test
    void topicInitCreatesEveryPipelineTopic() {
        JsonNode init = service("topic-init");
        String script = commandText(init);
        assertTrue(script.contains("kafka-topics.sh") && script.contains("--create"), script);
        for (String topic : Topics.all()) {
            assertTrue(Pattern.compile("(^|\\s)" + Pattern.quote(topic) + "(\\s|;|$)").matcher(script).find(),
                    "topic-init does not create " + topic);
        }
        assertEquals("service_completed_successfully",
                service("streams-app").path("depends_on").path("topic-init").path("condition").asText());
    }

    @Test
    void conformsToTheComposeSpecificationSchema() throws IOException {
        assertEquals(List.of(), schemaErrors(compose));
    }

    @Test
    void theSchemaCheckCatchesWhatComposeWouldRefuse() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode broken = compose.deepCopy();
        broken.put("servcies", "typo");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("services").path("kafka")).put("ports", 9092);
        assertEquals(2, schemaErrors(broken).size(), schemaErrors(broken).toString());
    }

    @Test
    void topicsKeepTheReplayInAKafkaDataVolume() {
        assertEquals("-1", env("kafka", "KAFKA_LOG_RETENTION_MS"));
        assertTrue(commandText(service("topic-init")).contains("--config retention.ms=-1"));
        String logDir = env("kafka", "KAFKA_LOG_DIRS");
        List<String> mounts = new ArrayList<>();
        service("kafka").path("volumes").forEach(v -> mounts.add(v.asText()));
        assertEquals(List.of("kafka-data:" + logDir), mounts);
        assertTrue(compose.path("volumes").has("kafka-data"), "kafka-data is a named volume");
    }

    @Test
    void theQueryApiIsPublishedOnTheHostsLoopbackOnly() {
        int apiPort = Integer.parseInt(env("streams-app", "NEWSFLOW_API_PORT"));
        assertEquals(8088, apiPort);
        assertEquals(apiPort, publishedPorts("streams-app").get(apiPort));
        List<String> published = new ArrayList<>();
        service("streams-app").path("ports").forEach(p -> published.add(p.asText()));
        assertTrue(published.contains("127.0.0.1:" + apiPort + ":" + apiPort), published.toString());
        assertEquals("0.0.0.0", env("streams-app", "NEWSFLOW_API_HOST"));
        assertEquals("true", env("streams-app", "NEWSFLOW_API_ALLOW_ANONYMOUS"));
    }

    /** Removes every textual "id" (a draft-04 schema identifier; a property named id is an object). */
    private static void withoutDraft4Ids(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(DockerComposeTest::withoutDraft4Ids);
        } else if (node.isArray()) {
            node.forEach(DockerComposeTest::withoutDraft4Ids);
        }
    }

    /** The errors of validating against the vendored Compose Specification schema (compose-spec/README.md). */
    private static List<String> schemaErrors(JsonNode document) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode spec;
        try (var in = DockerComposeTest.class.getClassLoader().getResourceAsStream("compose-spec/compose-spec.json")) {
            spec = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(in);
        }
        // The file names itself and its definitions with draft-04 "id"s beside its 2019-09 "$schema":
        // identifiers, not constraints, which the validator's 2019-09 dialect refuses as keywords: left out.
        withoutDraft4Ids(spec);
        com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2019_09).getSchema(spec);
        return schema.validate(document).stream().map(Object::toString).toList();
    }

    @Test
    void topicInitUsesTheConfiguredPartitionCount() {
        Matcher partitions = Pattern.compile("--partitions\\s+(\\d+)").matcher(commandText(service("topic-init")));
        assertTrue(partitions.find());
        assertEquals(env("streams-app", "NEWSFLOW_TOPIC_PARTITIONS"), partitions.group(1));
    }

    @Test
    void metricsPortIsPublishedAndScrapedByPrometheus() throws IOException {
        int metricsPort = Integer.parseInt(env("streams-app", "NEWSFLOW_METRICS_PORT"));
        assertEquals(9404, metricsPort);
        assertEquals(metricsPort, publishedPorts("streams-app").get(metricsPort));

        assertEquals(List.of("streams-app:" + metricsPort), scrapeTargets("prometheus/prometheus.docker.yml", "newsflow"));
        assertEquals(List.of("localhost:" + metricsPort), scrapeTargets("prometheus/prometheus.yml", "newsflow"));
    }

    @Test
    void prometheusLoadsTheComposeConfigAndRulesFromTheMountedFolder() throws IOException {
        JsonNode prometheus = service("prometheus");
        String command = commandText(prometheus);
        Matcher config = Pattern.compile("--config\\.file=(\\S+)").matcher(command);
        assertTrue(config.find(), command);
        Path configInRepo = hostPathOf("prometheus", config.group(1));
        assertEquals(RepoFiles.path("prometheus/prometheus.docker.yml").normalize(), configInRepo.normalize());
        JsonNode rules = YAML.readTree(configInRepo.toFile()).path("rule_files");
        assertTrue(rules.size() > 0 && rules.get(0).asText().startsWith("rules/"), "rule_files: " + rules);
        assertEquals(9090, publishedPorts("prometheus").get(9090));
    }

    @Test
    void schemaRegistryUrlPointsAtTheRegistryService() {
        URI url = URI.create(env("streams-app", "NEWSFLOW_SCHEMA_REGISTRY_URL"));
        assertEquals("schema-registry", url.getHost());
        assertEquals(8081, url.getPort());
        service(url.getHost());
        assertTrue(env("schema-registry", "SCHEMA_REGISTRY_LISTENERS").endsWith(":" + url.getPort()));
        assertEquals(8081, publishedPorts("schema-registry").get(8081));
        assertEquals(url.toString(), env("producer", "NEWSFLOW_SCHEMA_REGISTRY_URL"));
    }

    @Test
    void bootstrapServersPointAtAnAdvertisedListenerOfTheKafkaService() {
        String bootstrap = env("streams-app", "NEWSFLOW_BOOTSTRAP_SERVERS");
        assertEquals(bootstrap, env("producer", "NEWSFLOW_BOOTSTRAP_SERVERS"));
        String host = bootstrap.substring(0, bootstrap.indexOf(':'));
        service(host);
        String advertised = env(host, "KAFKA_ADVERTISED_LISTENERS");
        assertTrue(advertised.contains("//" + bootstrap), advertised);
        assertTrue(advertised.contains("//localhost:9092"), "host clients need localhost:9092: " + advertised);
        assertTrue(commandText(service("topic-init")).contains("--bootstrap-server " + bootstrap));
    }

    @Test
    void grafanaDatasourceIsThePrometheusServiceAndDashboardsAreMounted() throws IOException {
        JsonNode datasource = YAML.readTree(RepoFiles.path("grafana/provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        URI url = URI.create(datasource.path("url").asText());
        assertEquals("prometheus", url.getHost());
        service(url.getHost());
        assertEquals(9090, url.getPort());

        JsonNode provider = YAML.readTree(RepoFiles.path("grafana/provisioning/dashboards/newsflow.yml").toFile())
                .path("providers").get(0);
        Path dashboards = hostPathOf("grafana", provider.path("options").path("path").asText());
        assertEquals(RepoFiles.path("grafana/dashboards").normalize(), dashboards.normalize());
        assertEquals(RepoFiles.path("grafana/provisioning").normalize(), hostPathOf("grafana", "/etc/grafana/provisioning").normalize());
        assertEquals(3000, publishedPorts("grafana").get(3000));
        Path home = hostPathOf("grafana", env("grafana", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
        assertTrue(Files.isRegularFile(home), "home dashboard " + home);
    }

    @Test
    void everyBindMountedPathExistsInTheRepository() {
        List<String> mounts = new ArrayList<>();
        services.fields().forEachRemaining(entry -> entry.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith("./")) {
                mounts.add(entry.getKey() + ": " + source);
                assertTrue(Files.exists(RepoFiles.path(source.substring(2))), entry.getKey() + " mounts missing " + source);
            }
        }));
        assertTrue(mounts.size() >= 3, "expected the prometheus and grafana bind mounts: " + mounts);
    }

    @Test
    void everyNewsflowVariableOverridesAKnownConfigKey() throws IOException {
        Set<String> keys = configKeys();
        Set<String> envNames = keys.stream()
                .map(k -> "NEWSFLOW_" + k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        services.fields().forEachRemaining(entry -> entry.getValue().path("environment").fieldNames().forEachRemaining(name -> {
            if (name.startsWith("NEWSFLOW_") && !envNames.contains(name)) {
                unknown.add(entry.getKey() + ": " + name);
            }
        }));
        assertTrue(unknown.isEmpty(), "NEWSFLOW_* variables without a config key: " + unknown + "\nknown keys: " + keys);
    }

    @Test
    void appImageIsBuiltFromTheDockerfileAndRunsTheCli() throws IOException {
        JsonNode build = service("streams-app").path("build");
        assertEquals(".", build.path("context").asText());
        Path dockerfile = RepoFiles.path(build.path("dockerfile").asText());
        String text = Files.readString(dockerfile);
        assertTrue(text.contains("io.newsflow.runtime.Main"), "Dockerfile must run the CLI main class");
        assertTrue(text.contains("FROM maven:3-eclipse-temurin-17 AS build") && text.contains("FROM eclipse-temurin:17-jre"));
        assertEquals(List.of("run"), toList(service("streams-app").path("command")));

        String image = service("streams-app").path("image").asText();
        assertEquals(image, service("producer").path("image").asText(), "producer reuses the app image");
        List<String> produce = toList(service("producer").path("command"));
        assertEquals(List.of("produce", "scenario"), produce.subList(0, 2));
        assertTrue(produce.get(2).startsWith("/app/scenarios/") && text.contains("/app/scenarios/"),
                "scenario folder must be copied into the image: " + produce);
    }

    private static List<String> toList(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The repository path a service sees at {@code containerPath}, via its "./x:/y" bind mounts. */
    private static Path hostPathOf(String serviceName, String containerPath) {
        for (JsonNode volume : service(serviceName).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[0].startsWith("./")
                    && (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/"))) {
                return RepoFiles.path(parts[0].substring(2) + containerPath.substring(parts[1].length()));
            }
        }
        throw new AssertionError(serviceName + " mounts nothing at " + containerPath);
    }

    private static List<String> scrapeTargets(String config, String job) throws IOException {
        for (JsonNode scrape : YAML.readTree(RepoFiles.path(config).toFile()).path("scrape_configs")) {
            if (scrape.path("job_name").asText().equals(job)) {
                List<String> targets = new ArrayList<>();
                scrape.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText())));
                return targets;
            }
        }
        throw new AssertionError(config + " has no job " + job);
    }

    private static Set<String> configKeys() throws IOException {
        Path defaults = RepoFiles.path("streams-app/src/main/resources/newsflow.properties");
        assertTrue(Files.exists(defaults), defaults + " is missing");
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(defaults)));
        assertFalse(properties.isEmpty(), defaults + " is empty");
        return properties.stringPropertyNames();
    }
}
