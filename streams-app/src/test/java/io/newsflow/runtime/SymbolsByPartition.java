package io.newsflow.runtime;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Symbols whose key the default partitioner puts on a given partition. The tick step passes its bucket
 * closes on by key, so a partition's clock downstream (the novelty funnel's and the deal watermarks)
 * moves only with the symbols hashed to it, as a producer keying ticks by symbol sends them: a test that
 * moves every partition's clock sends each partition a symbol of its own.
 */
public final class SymbolsByPartition {

    private SymbolsByPartition() {
    }

    /** The first of {@code prefix0}, {@code prefix1}, ... whose key hashes to {@code partition}. */
    public static String on(String prefix, int partition, int partitions) {
        for (int i = 0; ; i++) {
            String symbol = prefix + i;
            if (Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return symbol;
            }
        }
    }
}
