package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code num.standby.replicas} and the number of instances. A standby lives on another instance of
 * the application id: alone, an instance has nowhere to put one, and Kafka Streams warns once per
 * task at every rebalance. {@code demo} is always alone, so it keeps none (unless configured); for
 * {@code run} the setting is explained once at start, and those per-task warnings are left out of
 * the console (logging.KnownNoiseFilter).
 */
final class StandbyReplicas {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyReplicas.class);
    private static final String KEY = StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG;

    private StandbyReplicas() {
    }

    /** The configuration of a process that is the only instance: no standby, unless one was asked for. */
    static AppConfig forSingleInstance(AppConfig config) {
        boolean defaulted = config.sourceOf(KEY).map(s -> s.startsWith("defaults")).orElse(true);
        return defaulted ? config.with(KEY, "0") : config;
    }

    /** Says once what the setting does, since its per-task warnings are not shown. */
    static void explain(AppConfig config) {
        int standbys = config.getInt(KEY);
        if (standbys > 0) {
            LOG.info("{}={}: a warm copy of every store is kept on {} other instance(s) of application.id {} while"
                    + " they run; alone, this instance keeps none (Kafka Streams' per-task standby warnings are not"
                    + " shown)", KEY, standbys, standbys, config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        }
    }
}
