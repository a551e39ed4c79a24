package io.newsflow.topology.context;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the steps that complete a news context emit ({@link AlertContextProcessor}, {@link NewsContextProcessor}
 * and the deal step): an alert with its context, or a credit view. {@link HeldOutputs} holds both kinds alike.
 */
public sealed interface ContextResult {

    /** An alert completed with its news context, to {@code alerts.price-move-context}. */
    record AlertContext(PriceMoveAlert alert) implements ContextResult {
    }

    /** A credit/equity view, to {@code analytics.credit-equity}. */
    record CreditView(CreditEquityView view) implements ContextResult {
    }

    /** One of the two kinds {@link Outputs} knows, as its result. */
    static ContextResult of(SpecificRecord record) {
        return record instanceof PriceMoveAlert alert ? new AlertContext(alert)
                : new CreditView((CreditEquityView) record);
    }
}
