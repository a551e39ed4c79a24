package io.newsflow.topology.dlq;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A {@link GuardedProcessor} that works through a per-task helper built from the task's context
 * (its state stores exist only from {@code init} on). Entry points of one branch that share a helper
 * type differ only in {@link #handle}.
 */
public abstract class GuardedStatefulProcessor<VIn, VOut, S> extends GuardedProcessor<VIn, VOut> {

    private final Function<ProcessorContext<String, VOut>, S> helperFactory;
    protected S helper;

    protected GuardedStatefulProcessor(Function<ProcessorContext<String, VOut>, S> helperFactory) {
        this.helperFactory = helperFactory;
    }

    @Override
    public void init(ProcessorContext<String, VOut> context) {
        super.init(context);
        helper = helperFactory.apply(context);
    }
}
