package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test needs (promtool, prometheus from Debian's {@code prometheus} package,
 * chromium and chromedriver from {@code chromium}, {@code chromium-driver}):
 * skipped on a developer machine without it, a failure in CI (where {@code CI} is set and
 * {@code .ci/run} installs it), so a missing install never passes silently.
 */
final class RequiredTool {

    private RequiredTool() {
    }

    static void require(String command) {
        require(command, "prometheus");
    }

    static void require(String command, String debianPackages) {
        String hint = command + " not installed: apt-get update && apt-get install -y " + debianPackages
                + " (Debian packages)";
        boolean available = available(command);
        if (!available && System.getenv("CI") != null) {
            fail(hint + " (CI is set, so this is a failure, not a skip)");
        }
        assumeTrue(available, hint);
    }

    private static boolean available(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
