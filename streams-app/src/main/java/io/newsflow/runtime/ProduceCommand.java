package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.ingest.IngestCli;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code newsflow produce <what> ...}: the producers (articles, ticks, bond books, whole
 * scenarios) against a running Kafka cluster.
 */
public final class ProduceCommand implements Command {

    @Override
    public String name() {
        return "produce";
    }

    @Override
    public String description() {
        return "Publish articles, price ticks, bond books or a scenario to bootstrap.servers ('produce' alone lists them)";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) {
        if (args.isEmpty()) {
            out.println(IngestCli.USAGE);
            return 0;
        }
        boolean dryRun = args.contains("--dry-run");
        if (!dryRun && config.getOptional(KafkaEnvironment.BOOTSTRAP_SERVERS).isEmpty()) {
            throw new UsageException("produce needs a running Kafka cluster: set bootstrap.servers "
                    + "(e.g. the address `newsflow broker` prints, via --set bootstrap.servers=HOST:PORT)");
        }
        if (config.getString(AvroSerdes.SCHEMA_REGISTRY_URL).startsWith("mock://") && !dryRun) {
            out.println("note: schema.registry.url is " + config.getString(AvroSerdes.SCHEMA_REGISTRY_URL)
                    + ", a registry inside this process only; consumers elsewhere need the same ids: use the "
                    + "registry served by `newsflow run`/`demo` (--set schema.registry.url=http://localhost:8081)");
        }
        // A dry run publishes nothing, so it needs neither a cluster nor a registry.
        return new IngestCli().run(args, dryRun ? Map.of() : producerConfig(config), out);
    }

    /** Producer settings: the cluster, the registry keys, the value serializer class and {@code producer.*}. */
    static Map<String, Object> producerConfig(AppConfig config) {
        Map<String, Object> producer = new HashMap<>(config.withPrefix("producer."));
        config.getOptional(KafkaEnvironment.BOOTSTRAP_SERVERS)
                .ifPresent(b -> producer.put(KafkaEnvironment.BOOTSTRAP_SERVERS, b));
        producer.putAll(AvroSerdes.registryConfig(config));
        producer.put(AvroSerdes.VALUE_SERIALIZER_CLASS, config.getString(AvroSerdes.VALUE_SERIALIZER_CLASS));
        return producer;
    }
}
