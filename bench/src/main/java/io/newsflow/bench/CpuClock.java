package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.regex.Pattern;

/**
 * CPU time read at one instant: the whole JVM's (its clients, the in-process broker, the JIT, the GC) and
 * that of the Kafka Streams stream threads alone (where a topology's processing runs). The difference of two
 * readings over the steady state of a run is its CPU per record without the start-up of the tasks (RocksDB
 * opens, topic creation on the broker), which belongs to no record.
 */
record CpuClock(long processNanos, long streamThreadNanos) {

    /** Kafka Streams names its processing threads {@code <client id>-StreamThread-<n>}. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The ids of the live stream threads (looked up once a run is processing: a reading then costs little). */
    static long[] streamThreads() {
        return java.util.Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(thread -> thread != null && STREAM_THREAD.matcher(thread.getThreadName()).matches())
                .mapToLong(ThreadInfo::getThreadId)
                .toArray();
    }

    static CpuClock read(long[] streamThreads) {
        long stream = 0;
        for (long id : streamThreads) {
            stream += Math.max(0, THREADS.getThreadCpuTime(id)); // -1 once a thread has ended
        }
        return new CpuClock(ResourceMonitor.processCpuNanos(), stream);
    }

    CpuClock since(CpuClock start) {
        return new CpuClock(processNanos - start.processNanos, streamThreadNanos - start.streamThreadNanos);
    }
}
