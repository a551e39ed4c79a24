package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<AppConfig> seenConfigs = new ArrayList<>();
    private final List<List<String>> seenArgs = new ArrayList<>();

    /** Records what the CLI hands to a command. */
    private final Command echo = new Command() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "Echo the metrics port";
        }

        @Override
        public int run(List<String> args, AppConfig config, PrintStream stdout) {
            seenConfigs.add(config);
            seenArgs.add(args);
            stdout.println("port=" + config.getInt("metrics.port"));
            return 0;
        }
    };

    private final Command failing = new Command() {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public String description() {
            return "Always fails";
        }

        @Override
        public int run(List<String> args, AppConfig config, PrintStream stdout) {
            throw new IllegalStateException("boom", new RuntimeException("root cause"));
        }
    };

    private int run(Map<String, String> env, String... args) {
        Main main = new Main(Commands.of(List.of(echo, failing)), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return main.run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void setBeatsEnvironmentWhichBeatsTheConfigFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "metrics.port=1111\napplication.id=from-file\ncommit.interval.ms=5\n");
        Map<String, String> env = Map.of("NEWSFLOW_METRICS_PORT", "2222", "NEWSFLOW_APPLICATION_ID", "from-env");

        int code = run(env, "--config", file.toString(), "--set", "metrics.port=3333", "echo", "a", "b");

        assertEquals(0, code, err());
        assertEquals("port=3333" + System.lineSeparator(), out());
        AppConfig config = seenConfigs.get(0);
        assertEquals("from-env", config.getString("application.id"));
        assertEquals(5, config.getInt("commit.interval.ms"));
        assertEquals(List.of("a", "b"), seenArgs.get(0));
    }

    @Test
    void helpListsEveryRegisteredCommandWithItsDescription() {
        int code = run(Map.of(), "help");

        assertEquals(0, code);
        assertTrue(out().contains("echo"), out());
        assertTrue(out().contains("Echo the metrics port"), out());
        assertTrue(out().contains("fail"), out());
        assertTrue(out().contains("config"), out());
        assertTrue(out().contains("--set key=value"), out());
    }

    @Test
    void helpForOneCommand() {
        assertEquals(0, run(Map.of(), "help", "echo"));
        assertEquals("newsflow echo: Echo the metrics port" + System.lineSeparator(), out());
    }

    @Test
    void noCommandPrintsUsageToStderrWithUsageExitCode() {
        assertEquals(Main.USAGE, run(Map.of()));
        assertTrue(err().contains("Usage: newsflow"), err());
        assertEquals("", out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(Main.USAGE, run(Map.of(), "nope"));
        assertTrue(err().contains("Unknown command 'nope'"), err());
    }

    @Test
    void badConfigurationValueIsReportedWithItsKeyAndSource() {
        assertEquals(Main.USAGE, run(Map.of("NEWSFLOW_METRICS_PORT", "x"), "echo"));
        assertTrue(err().contains("'metrics.port' = 'x' is not an integer (from environment NEWSFLOW_METRICS_PORT)"), err());
    }

    @Test
    void missingConfigFileIsAConfigurationError() {
        assertEquals(Main.USAGE, run(Map.of(), "--config", "/nonexistent/newsflow.properties", "echo"));
        assertTrue(err().contains("/nonexistent/newsflow.properties"), err());
    }

    @Test
    void failingCommandExitsWithOneAndShowsTheCauses() {
        assertEquals(Main.FAILED, run(Map.of(), "fail"));
        assertTrue(err().contains("fail failed: java.lang.IllegalStateException: boom"), err());
        assertTrue(err().contains("caused by: java.lang.RuntimeException: root cause"), err());
    }

    @Test
    void configCommandShowsValuesWithSourcesAndMasksCredentials() {
        int code = run(Map.of("NEWSFLOW_METRICS_PORT", "2222"),
                "--set", "basic.auth.user.info=alice:secret", "config");

        assertEquals(0, code, err());
        assertTrue(out().contains("metrics.port=2222    # environment NEWSFLOW_METRICS_PORT"), out());
        assertTrue(out().contains("basic.auth.user.info=********    # override"), out());
        assertTrue(!out().contains("alice:secret"), out());
    }

    @Test
    void builtInCommandsIncludeTheBroker() {
        assertTrue(Commands.builtIn().find("broker").isPresent());
        assertTrue(Commands.builtIn().find("help").isPresent());
    }
}
