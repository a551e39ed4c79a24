package io.newsflow.topology.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The completion watermarks a market task sends with its reactions ({@link ReactionTracker#completeThrough}), each
 * no further than the task's stream time (a watermark is a record's timestamp, which must not run ahead) and only
 * when it moved since this step last sent it (after a restart they are sent again: the receiver keeps the highest).
 * Two steps send them: the registration, when the news watermark moves, and the bucket-close step, on its sweeps
 * and idle checks.
 */
final class ReactionCompletions {

    private final Map<String, Long> sent = new HashMap<>();

    /** The watermarks that moved, to forward after the reactions they cover. */
    List<CloseResult.ReactionsComplete> moved(ProcessorContext<?, ?> context, ReactionTracker reactions,
            long newsWatermark) {
        List<CloseResult.ReactionsComplete> moved = new ArrayList<>();
        long streamTime = context.currentStreamTimeMs();
        int partition = context.taskId().partition();
        reactions.completeThrough(newsWatermark).forEach((horizon, bound) -> {
            long through = Math.min(bound, streamTime);
            if (through >= 0 && through > sent.getOrDefault(horizon, Long.MIN_VALUE)) {
                sent.put(horizon, through);
                moved.add(new CloseResult.ReactionsComplete(partition, horizon, through));
            }
        });
        return moved;
    }
}
