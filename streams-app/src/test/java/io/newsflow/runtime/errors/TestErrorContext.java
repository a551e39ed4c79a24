package io.newsflow.runtime.errors;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What an error handler is told about the input record it fails on: its topic, partition and offset, no headers. */
record TestErrorContext(String topic, int partition, long offset) implements ErrorHandlerContext {

    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
        return "decode";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
        return 1_000L;
    }

    @Override
    public byte[] sourceRawKey() {
        return null;
    }

    @Override
    public byte[] sourceRawValue() {
        return null;
    }
}
