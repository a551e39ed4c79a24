package io.newsflow.ops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code newsflow run} in a child JVM on the test classpath, so that a test can kill it as a crash
 * does ({@link #crash()}: SIGKILL, no shutdown hook, no commit) and start it again.
 */
final class ChildApp implements AutoCloseable {

    private final Process process;

    private ChildApp(Process process) {
        this.process = process;
    }

    /** Starts {@code run} with {@code settings} as {@code --set key=value}; its output goes to {@code log}. */
    static ChildApp start(Map<String, String> settings, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                "io.newsflow.runtime.Main"));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        command.add("run");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the child's configuration is the one given here, not the environment of whoever runs the tests
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSFLOW_"));
        builder.directory(new File(System.getProperty("user.dir")));
        return new ChildApp(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself: its exit code, or null when it is still running after {@code wait}. */
    Integer awaitExit(java.time.Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** kill -9: the process ends without closing anything. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop (SIGTERM runs the shutdown hook: Kafka Streams closes and commits). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
