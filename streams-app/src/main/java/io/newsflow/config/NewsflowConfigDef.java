package io.newsflow.config;

import static io.newsflow.config.ConfigValidators.duration;
import static io.newsflow.config.ConfigValidators.durations;
import static io.newsflow.config.ConfigValidators.numbers;
import static io.newsflow.config.ConfigValidators.optionalDuration;
import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import io.newsflow.text.AliasDictionary;
import io.newsflow.text.Language;
import io.newsflow.text.SentimentLexicon;
import io.newsflow.text.SentimentModel;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * Every newsflow configuration key, defined once: type, default, validator, importance and
 * documentation, as Kafka's {@code StreamsConfig} defines its own. <b>A new key is added here</b>, in
 * its group, and nowhere else: {@link AppConfig} validates every layer against this definition and
 * fills the defaults from it, {@code TopologySettings} and {@code InputLimits} read their values
 * through it, and {@link ConfigDocs} generates the tables of docs/configuration.md and the
 * {@code newsflow.properties} reference from it (a test fails when they disagree).
 *
 * <p>Kafka's own settings stay open-ended: anything under {@code kafka.streams.*}, {@code producer.*},
 * {@code consumer.*} or {@code schema.registry.*} is passed to the clients unchecked. A key in one
 * of newsflow's own {@link #NAMESPACES} that is not defined here is a typo, and an error.
 */
public final class NewsflowConfigDef {

    /**
     * Prefixes that belong to newsflow alone: an undefined key starting with one of them is reported
     * as unknown. The Kafka settings newsflow defines (bootstrap.servers, application.id...) have no
     * namespace here, because their prefixes are shared with Kafka's and the serdes' settings.
     */
    public static final List<String> NAMESPACES = List.of("broker.", "topic.", "registry.server.", "metrics.",
            "api.", "sentiment.", "reaction.", "alerts.", "novelty.", "bond.", "credit.", "ticks.", "articles.",
            "input.", "dead.letter.", "health.", "text.", "news.", "watermark.");

    /** Smallest {@code dead.letter.max.bytes}: room for the metadata and a useful part of the payload. */
    public static final int MIN_DEAD_LETTER_BYTES = 32 * 1024;

    private static final ConfigDef DEFINITION = define();

    private NewsflowConfigDef() {
    }

    /** The definition (ConfigDef keeps the keys in the order they are defined, grouped). */
    public static ConfigDef definition() {
        return DEFINITION;
    }

    public static boolean isDefined(String key) {
        return DEFINITION.configKeys().containsKey(key);
    }

    /** True for an undefined key in a newsflow namespace: most likely a typo of a defined one. */
    public static boolean isUnknown(String key) {
        return !isDefined(key) && NAMESPACES.stream().anyMatch(key::startsWith);
    }

    private static ConfigDef define() {
        Keys k = new Keys();

        k.group("Kafka cluster");
        k.add("bootstrap.servers", Type.STRING, "", null, HIGH,
                "Kafka bootstrap servers. Empty = start an embedded single-node KRaft broker in-process.");
        k.add("broker.port", Type.INT, 9092, Range.between(0, 65535), LOW,
                "Client port of the broker started by `newsflow broker`.");
        k.add("broker.data.dir", Type.STRING, "", null, MEDIUM,
                "Data directory of the embedded broker (`newsflow broker`, and `run`/`demo` without bootstrap.servers):"
                        + " its log, KRaft metadata, topics, offsets and transactions survive restarts and crashes;"
                        + " formatted only when empty. Empty = a temporary directory, deleted on exit."
                        + " `broker --data-dir DIR` sets it.");

        k.group("Topics");
        k.add("topic.partitions", Type.INT, 3, Range.atLeast(1), HIGH,
                "Partitions of every pipeline topic. Inputs that are joined must be co-partitioned, so keep one value.");
        k.add("topic.replication.factor", Type.INT, -1, LambdaValidator.with((name, value) -> {
            int rf = (Integer) value;
            if (rf == 0 || rf < -1 || rf > Short.MAX_VALUE) {
                throw new org.apache.kafka.common.config.ConfigException(name, value, "must be -1 or 1 to 32767");
            }
        }, () -> "-1, or 1 to 32767"), MEDIUM,
                "Replication factor of created topics; -1 = the broker's default.replication.factor.");

        k.group("Schema registry and Avro serdes");
        k.add("schema.registry.url", Type.STRING, "kafka:///_newsflow_schemas", new NonEmptyString(), HIGH,
                "`kafka:///_newsflow_schemas` = schemas and ids kept in the compacted topic _newsflow_schemas of"
                        + " bootstrap.servers's cluster (durable, shared by every process on the cluster;"
                        + " `kafka://host:port/topic` names another; `kafka:///_schemas` is Confluent Schema"
                        + " Registry's topic, only for installs that kept their ids there: see UPGRADING.md); `http(s)://host:port` = a real (Confluent-compatible) Schema Registry;"
                        + " `mock://<scope>` = in-process, memory only (tests). Input topics' value subjects are set to"
                        + " FULL compatibility when topics are created.");
        k.add("registry.server.port", Type.INT, 8081, Range.between(-1, 65535), LOW,
                "Port of the REST API that run/demo serve for a kafka:// or mock:// registry: 0 = random port, -1 = off.");
        k.add("registry.server.host", Type.STRING, "127.0.0.1", null, LOW,
                "Bind address of that server (0.0.0.0 to let other hosts or containers reach it).");
        k.add("auto.register.schemas", Type.BOOLEAN, true, null, MEDIUM,
                "Register writer schemas on first use (Confluent's default). Set false when schemas are managed centrally.");
        k.add("value.serde.class", Type.STRING, "io.newsflow.serde.SpecificAvroSerde", new NonEmptyString(), LOW,
                "Serde of record values in Kafka Streams (class with a no-arg constructor, configured with the"
                        + " schema.registry.* keys). `io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde` works"
                        + " as well.");
        k.add("value.serializer.class", Type.STRING, "io.newsflow.serde.KafkaAvroSerializer", new NonEmptyString(), LOW,
                "Value serializer of producers. `io.confluent.kafka.serializers.KafkaAvroSerializer` works as well.");
        k.add("value.deserializer.class", Type.STRING, "io.newsflow.serde.KafkaAvroDeserializer", new NonEmptyString(),
                LOW, "Value deserializer of consumers (tools); specific.avro.reader=true is set by the factory.");

        k.group("Kafka Streams");
        k.add("application.id", Type.STRING, "newsflow", new NonEmptyString(), HIGH,
                "Kafka Streams application id (consumer group, prefix of internal topics).");
        k.add("processing.guarantee", Type.STRING, "exactly_once_v2", ValidString.in("at_least_once", "exactly_once_v2"),
                HIGH, "Kafka Streams processing guarantee.");
        k.add("state.dir", Type.STRING, "", null, MEDIUM,
                "Kafka Streams state directory. Empty = a fresh temporary directory per run, deleted on exit.");
        k.add("commit.interval.ms", Type.LONG, 1000L, Range.atLeast(0), MEDIUM,
                "Kafka Streams commit interval; under exactly-once, outputs become visible at commits.");
        k.add("num.standby.replicas", Type.INT, 1, Range.atLeast(0), MEDIUM,
                "Copies of every state store kept warm on other instances (of the same application.id): while a"
                        + " store's owner is down, queries are answered from a standby and its tasks move there"
                        + " without a full restore.");

        k.group("Metrics (Prometheus)");
        k.add("metrics.port", Type.INT, 9404, Range.between(0, 65535), MEDIUM,
                "Port of the Prometheus endpoint (`/metrics`, `/health`, `/ready`); 0 = a free port.");
        k.add("metrics.host", Type.STRING, "0.0.0.0", null, LOW,
                "Bind address of the metrics endpoint (all interfaces, so a Prometheus container can scrape it).");
        k.add("metrics.tracked.symbols", Type.LIST, "META,NVDA,GOOGL,MSFT,AMZN,QQQ", null, MEDIUM,
                "Symbols that get per-symbol metric series (bounded label cardinality); others are labelled `other`.");
        k.add("metrics.max.deals", Type.INT, 50, Range.atLeast(0), LOW,
                "At most this many bond deals get per-deal metric series.");

        k.group("Query API and live page");
        k.add("api.port", Type.INT, 8088, Range.between(-1, 65535), MEDIUM,
                "Port of the query API (`/api/v1/...`) and the live page (`/`): 0 = a free port, -1 = do not serve them.");
        k.add("api.host", Type.STRING, "127.0.0.1", null, LOW,
                "Bind address of the API: loopback by default; 0.0.0.0 (all interfaces) needs api.auth.tokens.file"
                        + " or api.allow.anonymous=true.");
        k.add("api.advertised.host", Type.STRING, "localhost", new NonEmptyString(), MEDIUM,
                "Host name the other instances reach this one's API at: advertised with the port as application.server.");

        k.group("Rolling sentiment");
        k.add("sentiment.windows", Type.LIST, "1h,24h", durations(), HIGH,
                "Hopping window sizes, each a multiple of sentiment.advance.");
        k.add("sentiment.advance", Type.STRING, "1m", duration(), MEDIUM, "Hop of the sentiment windows.");
        k.add("sentiment.grace", Type.STRING, "10m", duration(), MEDIUM,
                "How late an article may be and still count in its window.");
        k.add("sentiment.baseline", Type.STRING, "7d", duration(), MEDIUM,
                "Trailing period the buzz baseline is taken over.");
        k.add("sentiment.neutral.band", Type.DOUBLE, 0.05, Range.atLeast(0), MEDIUM,
                "A score whose absolute value is below this is neutral.");

        k.group("Market reaction");
        k.add("reaction.horizons", Type.LIST, "5m,1h,1d", durations(), HIGH,
                "Horizons after publication at which the price reaction is measured.");
        k.add("reaction.benchmark", Type.STRING, "QQQ", new NonEmptyString(), MEDIUM,
                "Benchmark symbol of abnormal returns.");
        k.add("reaction.wait", Type.STRING, "2h", duration(), MEDIUM,
                "How long past a horizon to wait for late ticks.");

        k.group("Price-move alerts");
        k.add("alerts.windows", Type.LIST, "5m,1h", durations(), HIGH, "Sliding return windows.");
        k.add("alerts.thresholds", Type.LIST, "0.03,0.05", numbers(), HIGH,
                "Absolute return that makes a sharp move, one per alerts.windows entry.");
        k.add("alerts.zscore", Type.DOUBLE, 0.0, Range.atLeast(0), MEDIUM,
                "Also require a z-score of at least this; 0 = off.");
        k.add("alerts.reset.fraction", Type.DOUBLE, 0.5, Range.between(0, 1), LOW,
                "A move ends (and the alert re-arms) when the absolute return falls below threshold x this.");
        k.add("alerts.context", Type.STRING, "24h", duration(), LOW,
                "Look-back for the articles attached to an alert.");

        k.group("Articles and novelty");
        k.add("novelty.threshold", Type.DOUBLE, 0.8, LambdaValidator.with((name, value) -> {
            double t = (Double) value;
            if (t <= 0 || t > 1) {
                throw new org.apache.kafka.common.config.ConfigException(name, value, "must be in (0, 1]");
            }
        }, () -> "(0, 1]"), MEDIUM, "Similarity at or above which an article is a near-duplicate.");
        k.add("novelty.max.fingerprints", Type.INT, 5000, Range.atLeast(1), LOW,
                "Recent articles a new one is compared against.");
        k.add("novelty.retention", Type.STRING, "7d", duration(), LOW,
                "How long article ids, fingerprints and fragments are remembered.");
        k.add("articles.single.partition", Type.BOOLEAN, false, null, MEDIUM,
                "The articles topic has exactly one partition, so articles are scored where they are read instead"
                        + " of being funnelled through a one-partition repartition topic first: one Kafka hop less"
                        + " for article scores and rolling sentiment (the app refuses to start when the topic has more).");

        k.add("news.context.wait", Type.BOOLEAN, true, null, MEDIUM,
                "Price-move alerts and credit views wait until the news watermark has passed the end of their news"
                        + " context, so that the context holds every article published in it whatever the arrival"
                        + " order; they also wait for the deal watermark, and credit-view flips on ticks and an"
                        + " alert's open bond deals are judged against the deal updates up to the tick's event time."
                        + " false computes them at once from the scores and deal updates that have arrived (the"
                        + " latency-first profile).");
        k.add("watermark.idle.timeout", Type.STRING, "1m", duration(), MEDIUM,
                "A step waiting for watermarks (the novelty funnel, the news context, the deal watermark) stops waiting for a source whose"
                        + " watermark has not moved for this long on the wall clock, until it moves again; 0s = wait"
                        + " forever. Skipping a source is the one case that lets arrival order decide an output.");

        k.group("Bond books and the credit view");
        k.add("bond.divergence.oversubscription", Type.DOUBLE, 3.0, Range.atLeast(0), MEDIUM,
                "Oversubscription of a strong book: with a weak stock, the issuer is divergent.");
        k.add("bond.divergence.equity.return", Type.DOUBLE, -0.05, null, MEDIUM,
                "Equity return of a weak stock (at or below).");
        k.add("bond.divergence.weak.oversubscription", Type.DOUBLE, 1.5, Range.atLeast(0), MEDIUM,
                "Oversubscription of a weak book: with a rallying stock, the issuer is divergent.");
        k.add("bond.divergence.equity.rally", Type.DOUBLE, 0.05, null, MEDIUM,
                "Equity return of a rallying stock (at or above).");
        k.add("bond.open.priced.within", Type.STRING, "1d", duration(), LOW,
                "A priced deal still counts as open this long.");
        k.add("credit.equity.window", Type.STRING, "1d", duration(), MEDIUM,
                "Equity return window of the credit view.");

        k.group("Tick history");
        k.add("ticks.retention", Type.STRING, "3d", duration(), MEDIUM,
                "How far behind the newest tick of a symbol prices are kept, never less than the longest horizon"
                        + " + 2 x reaction.wait: bond updates and articles arriving later than this behind the ticks"
                        + " find no price to compare with.");
        k.add("ticks.resolution", Type.STRING, "1s", duration(), LOW,
                "One tick is kept per symbol and bucket of this length (the bucket's newest): at most"
                        + " retention / resolution points per symbol, in memory and in the tick-points store."
                        + " 1ms keeps every tick.");

        k.group("Bad input and failures");
        k.add("input.max.future.skew", Type.STRING, "5m", duration(), MEDIUM,
                "Event times further ahead of the wall clock are INVALID_TIMESTAMP dead letters. Keep it below the"
                        + " topics' message.timestamp.after.max.ms (1h by default since Kafka 4.0), which makes"
                        + " brokers refuse any output stamped with such a time.");
        k.add("input.max.past.age", Type.STRING, "", optionalDuration(), MEDIUM,
                "Event times further behind the wall clock are INVALID_TIMESTAMP dead letters. Empty = no bound, as"
                        + " brokers have none by default (message.timestamp.before.max.ms): replays of old data are"
                        + " accepted.");
        k.add("dead.letter.max.bytes", Type.INT, 1048576, Range.atLeast(MIN_DEAD_LETTER_BYTES), LOW,
                "Largest dead letter; bigger payloads are truncated and carry their length and SHA-256 instead. The"
                        + " app lowers it to the producer's max.request.size and to the dead-letters topic's"
                        + " max.message.bytes.");
        k.add("health.stall.after", Type.STRING, "2m", duration(), LOW,
                "/health says DEGRADED when a lagging input partition's committed offset has not moved for this long.");
        k.add("cluster.check.interval", Type.STRING, "15s", duration(), LOW,
                "How often the app checks that the Kafka cluster is still the one it works on (its cluster id, its"
                        + " internal topics); a new cluster behind the address makes it exit non-zero (docs/reliability.md).");

        k.group("Text analysis");
        k.shippedFile("text.aliases.path", "Alias dictionary file", AliasDictionary.DEFAULT_RESOURCE);
        k.shippedFile("text.lexicon.en.path", "English sentiment lexicon", SentimentLexicon.defaultResource(Language.EN));
        k.shippedFile("text.lexicon.ja.path", "Japanese sentiment lexicon", SentimentLexicon.defaultResource(Language.JA));
        k.add("text.fingerprint.slots", Type.INT, 128, Range.atLeast(1), LOW, "MinHash signature length.");
        k.add("text.sentiment.scorer", Type.STRING, "model", ValidString.in("model", "lexicon"), MEDIUM,
                "Sentiment scorer: `model` (learned, entity-level, with confidence) or `lexicon` (the hand lexicons).");
        k.shippedFile("text.sentiment.model.en.path", "English sentiment model", SentimentModel.defaultResource(Language.EN));
        k.shippedFile("text.sentiment.model.ja.path", "Japanese sentiment model", SentimentModel.defaultResource(Language.JA));
        k.add("text.analysis.max.chars", Type.INT, 20000, Range.atLeast(1), MEDIUM,
                "Characters of an article (title, then body) that entity resolution and sentiment read; the rest is"
                        + " not read and the scores carry analysedChars. Bounds the work per article.");
        k.add("text.analysis.budget", Type.STRING, "5s", duration(), LOW,
                "Longest the analysis of one article may take; a longer one is dead-lettered TOO_EXPENSIVE, not"
                        + " retried. Keep it well below the exactly-once transaction.timeout.ms (10 s).");

        // issue 21 (API access, console): one appended block
        k.group("API access");
        k.add("api.auth.tokens.file", Type.STRING, "", null, HIGH,
                "File of the query API's users, one `name:token` per line (tokens of 16 characters or more): every"
                        + " `/api/v1/...` request then needs `Authorization: Bearer <token>` (401 otherwise); the"
                        + " live page takes its token from its URL fragment (`/#token=...`). Empty = no"
                        + " authentication, allowed on a loopback api.host only (or with api.allow.anonymous).");
        k.add("api.allow.anonymous", Type.BOOLEAN, false, null, MEDIUM,
                "Serve the query API without api.auth.tokens.file on a non-loopback api.host (behind a proxy"
                        + " that authenticates, or on a trusted network). false = refuse to start that way.");
        k.add("api.peer.secret.file", Type.STRING, "", null, MEDIUM,
                "File holding the secret (16 characters or more) the instances of one application.id share to read"
                        + " each other's stores (`/api/v1/internal/...`, refused without it: 401, or 403 for any"
                        + " other credential). Empty = no instance may read this one's stores: set it when"
                        + " running more than one instance.");
        k.add("registry.server.auth.tokens.file", Type.STRING, "", null, MEDIUM,
                "File of `name:token` lines: writes to the registry REST API that run/demo serve (registering,"
                        + " setting compatibility, deleting) then need one of the tokens, as a Bearer token or as the"
                        + " password of Basic credentials (Confluent clients' basic.auth.user.info=name:token);"
                        + " reads stay open. Empty = writes open to whoever reaches registry.server.host.");
        k.add("api.tls.keystore.path", Type.STRING, "", null, MEDIUM,
                "Keystore (PKCS12 or JKS) with the API's private key and certificate: the API and live page are then"
                        + " served over HTTPS only, and the instances read each other's stores over HTTPS. Empty = HTTP.");
        k.add("api.tls.keystore.password", Type.STRING, "", null, MEDIUM, "Password of that keystore and its key.");
        k.add("api.tls.keystore.type", Type.STRING, "PKCS12", ValidString.in("PKCS12", "JKS"), LOW,
                "Type of that keystore.");
        k.add("api.tls.truststore.path", Type.STRING, "", null, LOW,
                "What the instances trust when they read each other's stores over HTTPS (the CA of their"
                        + " certificates). Empty = the certificates of api.tls.keystore.path (one certificate shared by"
                        + " every instance).");
        k.add("api.tls.truststore.password", Type.STRING, "", null, LOW, "Password of that truststore.");
        k.group("Logging");
        k.add("log.level", Type.STRING, "info", ValidString.in("trace", "debug", "info", "warn", "error", "off"), MEDIUM,
                "Level of the console log (stderr; slf4j and logback, System.Logger bridged): newsflow's own lines"
                        + " and, at warn or above, the libraries' (Kafka, the broker, Javalin, Jetty stay at warn when"
                        + " this is lower). `--log-level LEVEL` sets it.");

        k.group("Event study, signal quality and decayed sentiment");
        k.add("reaction.benchmarks", Type.LIST, ".T=1306.T", null, MEDIUM,
                "Benchmark per ticker (TICKER=BENCHMARK) or per exchange suffix (.T=1306.T, Tokyo listings to the"
                        + " TOPIX ETF); other tickers use reaction.benchmark. Every benchmark's bucket closes go to every"
                        + " task; a ticker's reactions wait for its benchmark to trade past their horizon.");
        k.add("reaction.model.bar", Type.STRING, "5m", duration(), MEDIUM,
                "Bar length of the market model's returns: 5 minutes, the usual intraday sampling that keeps"
                        + " bid-ask bounce and asynchronous trading small.");
        k.add("reaction.model.window", Type.STRING, "1d", duration(), MEDIUM,
                "Estimation window of the market model (about 78 bars of a US session at 5m; with the gap and the"
                        + " longest horizon + 2 x reaction.wait it must fit in ticks.retention).");
        k.add("reaction.model.gap", Type.STRING, "30m", duration(), MEDIUM,
                "Gap between the end of the estimation window and publication, so that leaks and run-ups before"
                        + " the news do not bias the model (MacKinlay 1997).");
        k.add("reaction.model.min.observations", Type.INT, 30, Range.atLeast(3), MEDIUM,
                "Estimation bars (both ticker and benchmark traded) the market model needs; with fewer the"
                        + " reaction falls back to market-adjusted returns and says so (returnModel).");
        k.add("reaction.model.significance", Type.DOUBLE, 0.05, Range.between(0.0001, 0.5), MEDIUM,
                "Two-sided level of the standardised CAR's t test.");
        k.add("reaction.signal.window", Type.STRING, "7d", duration(), MEDIUM,
                "Signal quality counts the articles published within this before the newest one.");
        k.add("reaction.signal.max.articles", Type.INT, 500, Range.atLeast(1), MEDIUM,
                "... and at most this many of them, the newest.");
        k.add("reaction.signal.min.relevance", Type.DOUBLE, 0.3, Range.between(0, 1), MEDIUM,
                "Articles less relevant to the ticker than this are left out of signal quality (passing mentions).");
        k.add("sentiment.decay.half.life", Type.STRING, "6h", duration(), MEDIUM,
                "Half-life of the decayed sentiment: a story counts half as much this long after publication.");
        k.add("sentiment.decay.bucket", Type.STRING, "5m", duration(), LOW,
                "At most one decayed-sentiment record per ticker per bucket of news stream time.");
        k.add("sentiment.decay.floor", Type.DOUBLE, 0.01, Range.atLeast(0), LOW,
                "A ticker whose decayed |score| and weight are below this is emitted once more, then no longer.");

        return k.def;
    }

    /** Defines keys in groups, in order (the order of the docs and of the properties reference). */
    private static final class Keys {
        private final ConfigDef def = new ConfigDef();
        private String group;
        private int order;

        void group(String name) {
            group = name;
            order = 0;
        }

        void add(String name, Type type, Object defaultValue, Validator validator, Importance importance, String doc) {
            def.define(name, type, defaultValue, validator, importance, doc, group, ++order, Width.MEDIUM, name);
        }

        /** A file that replaces a resource shipped in the jar; empty (the default) = that resource. */
        void shippedFile(String name, String what, String resource) {
            add(name, Type.STRING, "", null, LOW, what + ". Empty = the one shipped in the jar (" + resource + ").");
        }
    }
}
