package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.ingest.IngestCli;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow produce <what> ...}: the producers (articles, ticks, bond books, whole
 * scenarios) against a running Kafka cluster; {@link IngestCli} adds one subcommand per kind of input.
 */
@Command(name = "produce",
        description = {"Publish articles, price ticks, bond books or a scenario to bootstrap.servers "
                + "('produce' alone lists them).",
                "Exit codes: 0 when everything went through; 1 when some input was bad or some sends failed; "
                        + "2 on a usage error."})
public final class ProduceCommand implements CliCommand {

    @Spec
    private CommandSpec spec;

    private final IngestCli ingest = new IngestCli();

    @Override
    public CommandLine commandLine() {
        return IngestCli.withSources(new CommandLine(this));
    }

    @Override
    public int run(AppConfig config, PrintStream out) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (!parsed.hasSubcommand()) {
            spec.commandLine().usage(out);
            return 0;
        }
        CommandLine source = parsed.subcommand().commandSpec().commandLine();
        boolean dryRun = IngestCli.dryRun(source);
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
        return ingest.run(source, dryRun ? Map.of() : producerConfig(config), out);
    }

    /** Producer settings: the cluster, the registry keys, the value serializer class and {@code producer.*}. */
    static Map<String, Object> producerConfig(AppConfig config) {
        Map<String, Object> producer = new HashMap<>(KafkaClientConfig.producer(config));
        producer.putAll(AvroSerdes.registryConfig(config));
        producer.put(AvroSerdes.VALUE_SERIALIZER_CLASS, config.getString(AvroSerdes.VALUE_SERIALIZER_CLASS));
        return producer;
    }
}
