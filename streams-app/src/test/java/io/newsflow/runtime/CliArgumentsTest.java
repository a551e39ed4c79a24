package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void globalOptionsBeforeTheCommandAndEverythingAfterItBelongsToTheCommand() {
        CliArguments cli = CliArguments.parse(List.of(
                "--config", "my.properties", "--set", "metrics.port=1", "--set=a.b=x=y",
                "produce", "--set", "not-global=1", "file.jsonl"));

        assertEquals(Optional.of(Path.of("my.properties")), cli.configFile());
        assertEquals(Map.of("metrics.port", "1", "a.b", "x=y"), cli.overrides());
        assertEquals(Optional.of("produce"), cli.command());
        assertEquals(List.of("--set", "not-global=1", "file.jsonl"), cli.commandArgs());
    }

    @Test
    void laterSetOfTheSameKeyWinsAndEmptyValuesAreAllowed() {
        CliArguments cli = CliArguments.parse(List.of(
                "--set", "k=1", "--set", "k=2", "--set", "bootstrap.servers=", "--config=c.properties", "broker"));

        assertEquals(Map.of("k", "2", "bootstrap.servers", ""), cli.overrides());
        assertEquals(Optional.of(Path.of("c.properties")), cli.configFile());
    }

    @Test
    void noArgumentsMeansNoCommand() {
        CliArguments cli = CliArguments.parse(List.of());

        assertEquals(Optional.empty(), cli.command());
        assertEquals(Optional.empty(), cli.configFile());
    }

    @Test
    void helpFlagsSelectTheHelpCommand() {
        assertEquals(Optional.of("help"), CliArguments.parse(List.of("--help")).command());
        assertEquals(Optional.of("help"), CliArguments.parse(List.of("--set", "a=b", "-h")).command());
    }

    @Test
    void malformedOptionsAreUsageErrorsThatSayWhatIsExpected() {
        assertTrue(assertThrows(UsageException.class, () -> CliArguments.parse(List.of("--set", "novalue", "broker")))
                .getMessage().contains("key=value"));
        assertTrue(assertThrows(UsageException.class, () -> CliArguments.parse(List.of("--set", "=v", "broker")))
                .getMessage().contains("key=value"));
        assertTrue(assertThrows(UsageException.class, () -> CliArguments.parse(List.of("--config")))
                .getMessage().contains("--config FILE"));
        assertTrue(assertThrows(UsageException.class, () -> CliArguments.parse(List.of("--verbose", "broker")))
                .getMessage().contains("'--verbose'"));
    }
}
