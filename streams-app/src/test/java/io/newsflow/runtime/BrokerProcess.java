package io.newsflow.runtime;

import static io.newsflow.Waits.await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code newsflow broker --data-dir DIR} in a child JVM (the test classpath), so a test can kill it
 * the way a crash does: {@link #kill()} is {@code Process.destroyForcibly()}, SIGKILL on Linux.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;

    private BrokerProcess(Process process, Path workDir, Path log, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
    }

    /** Starts a broker on a free port with its data below {@code workDir}, and waits until it serves. */
    static BrokerProcess start(Path workDir) throws IOException, InterruptedException {
        return start(freePort(), workDir);
    }

    /** The same broker again (same port, same data directory), after {@link #kill()}. */
    BrokerProcess restart() throws IOException, InterruptedException {
        return start(port, workDir);
    }

    private static BrokerProcess start(int port, Path workDir) throws IOException, InterruptedException {
        Path dataDir = workDir.resolve("broker-data");
        Path log = Files.createTempFile(workDir, "broker-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--set", BrokerCommand.PORT + "=" + port, "broker", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        BrokerProcess broker = new BrokerProcess(process, workDir, log, port);
        broker.awaitReady();
        return broker;
    }

    /** A port free now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no clean shutdown of the log. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("broker process survived SIGKILL");
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private void awaitReady() {
        try {
            await("broker ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> output().contains("running at " + bootstrapServers()) || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("broker not ready within " + READY_TIMEOUT + ":\n" + output(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("broker exited with " + process.exitValue() + ":\n" + output());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
