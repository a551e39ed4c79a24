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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<AppConfig> seenConfigs = new ArrayList<>();
    private final List<List<String>> seenArgs = new ArrayList<>();

    /** Records what the CLI hands to a command. */
    @Command(name = "echo", description = "Echo the metrics port")
    private final class Echo implements CliCommand {

        @Parameters
        private List<String> args = new ArrayList<>();

        @Override
        public int run(AppConfig config, PrintStream stdout) {
            seenConfigs.add(config);
            seenArgs.add(args);
            stdout.println("port=" + config.getInt("metrics.port"));
            return 0;
        }
    }

    @Command(name = "fail", description = "Always fails")
    private static final class Failing implements CliCommand {
        @Override
        public int run(AppConfig config, PrintStream stdout) {
            throw new IllegalStateException("boom", new RuntimeException("root cause"));
        }
    }

    private int run(Map<String, String> env, String... args) {
        Main main = new Main(List.of(new Echo(), new Failing()), env,
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
        assertTrue(out().contains("--set=key=value"), out());
    }

    @Test
    void helpForOneCommand() {
        assertEquals(0, run(Map.of(), "help", "echo"));
        assertTrue(out().startsWith("Usage: newsflow echo"), out());
        assertTrue(out().contains("Echo the metrics port"), out());
        assertTrue(!out().contains("Always fails"), out());
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
        Main main = new Main(Main.builtInCommands(), Map.of(), System.out, System.err);
        assertTrue(main.commandLine().getSubcommands().containsKey("broker"));
        assertTrue(main.commandLine().getSubcommands().containsKey("help"));
    }

    // What the global options accept (they come before the command, as newsflow's usage line says).

    @Test
    void globalOptionsBeforeTheCommandAndEverythingAfterItBelongsToTheCommand(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "application.id=from-file\n");

        assertEquals(0, run(Map.of(), "--config", file.toString(), "--set", "metrics.port=1", "--set=schema.registry.a.b=x=y",
                "echo", "file.jsonl"), err());
        assertEquals("from-file", seenConfigs.get(0).getString("application.id"));
        assertEquals(1, seenConfigs.get(0).getInt("metrics.port"));
        assertEquals("x=y", seenConfigs.get(0).getString("schema.registry.a.b"));
        assertEquals(List.of("file.jsonl"), seenArgs.get(0));

        assertEquals(Main.USAGE, run(Map.of(), "echo", "--set", "not-global=1"));
        assertTrue(err().contains("'--set'"), err());
    }

    @Test
    void laterSetOfTheSameKeyWinsAndEmptyValuesAreAllowed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "application.id=from-c\n");

        assertEquals(0, run(Map.of(), "--set", "metrics.port=1", "--set", "metrics.port=2",
                "--set", "bootstrap.servers=", "--config=" + file, "echo"), err());
        assertEquals(2, seenConfigs.get(0).getInt("metrics.port"));
        assertEquals("override", seenConfigs.get(0).sourceOf("bootstrap.servers").orElseThrow());
        assertEquals("from-c", seenConfigs.get(0).getString("application.id"));
    }

    @Test
    void helpFlagsPrintTheUsage() {
        assertEquals(Main.OK, run(Map.of(), "--help"), err());
        assertEquals(Main.OK, run(Map.of(), "--set", "a=b", "-h"));
        assertTrue(out().startsWith("Usage: newsflow"), out());
        assertTrue(seenConfigs.isEmpty());
    }

    @Test
    void helpOfEveryBuiltInCommandIsGenerated() {
        assertEquals(Main.OK, builtIn("help", "produce"));
        assertTrue(out().contains("ticks-sim"), out());
        assertEquals(Main.OK, builtIn("produce", "ticks-sim", "--help"));
        assertTrue(out().contains("--shock"), out());
        assertEquals(Main.OK, builtIn("demo", "-h"));
        assertTrue(out().contains("--speedup"), out());
        assertEquals("", err());
    }

    @Test
    void builtInCommandsRejectBadArgumentsWithTheUsageExitCodeBeforeStartingAnything() {
        assertEquals(Main.USAGE, builtIn("demo", "--settle", "soon"));
        assertTrue(err().contains("'--settle'") && err().contains("soon"), err());
        assertEquals(Main.USAGE, builtIn("produce", "ticks-csv", "a.csv", "--pace", "warp"));
        assertTrue(err().contains("pace must be asap, realtime or xN"), err());
        assertEquals(Main.USAGE, builtIn("produce", "frobnicate"));
        assertTrue(err().contains("Unknown command 'frobnicate'"), err());
        assertEquals(Main.USAGE, builtIn("eval-sentiment", "--input", "x.tsv", "--language", "fr"));
        assertEquals(Main.USAGE, builtIn("broker", "--port", "1"));
        assertTrue(err().contains("Run 'newsflow broker --help' for usage."), err());
    }

    @Test
    void produceWithoutWhatListsTheSources() {
        assertEquals(Main.OK, builtIn("produce"));
        for (String source : List.of("articles", "ticks-csv", "ticks-sim", "bonds", "bonds-sim", "scenario")) {
            assertTrue(out().contains(source), out());
        }
    }

    private int builtIn(String... args) {
        return new Main(Main.builtInCommands(), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    @Test
    void malformedOptionsAreUsageErrorsThatSayWhatIsExpected() {
        assertEquals(Main.USAGE, run(Map.of(), "--set", "novalue", "echo"));
        assertTrue(err().contains("key=value"), err());
        assertEquals(Main.USAGE, run(Map.of(), "--set", "=v", "echo"));
        assertTrue(err().contains("got '=v'"), err());
        assertEquals(Main.USAGE, run(Map.of(), "--config"));
        assertTrue(err().contains("'--config' (FILE)"), err());
        assertEquals(Main.USAGE, run(Map.of(), "--verbose", "echo"));
        assertTrue(err().contains("'--verbose'"), err());
        assertTrue(seenConfigs.isEmpty());
    }
}
