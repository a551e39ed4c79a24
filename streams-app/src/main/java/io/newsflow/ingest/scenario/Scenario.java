package io.newsflow.ingest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.ingest.bond.BondDealSpec;
import io.newsflow.ingest.tick.TickSimulationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario folder: {@code scenario.yaml} names what to publish. Keys (all optional):
 * <pre>
 * name: ...
 * ticks:    {simulate: tick spec (see SpecReader), csv: [files]}
 * bonds:    {files: [csv or jsonl files], simulate: [deal specs]}
 * articles: [files or directories]
 * </pre>
 * Paths are relative to the scenario folder.
 */
public record Scenario(String name, TickSimulationSpec tickSimulation, List<Path> tickCsvFiles, List<Path> bondFiles,
        List<BondDealSpec> bondSimulations, List<Path> articlePaths) {

    public static final String FILE_NAME = "scenario.yaml";

    public static Scenario load(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE_NAME + " in " + dir);
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a YAML mapping");
        }
        try {
            JsonNode ticks = root.path("ticks");
            TickSimulationSpec simulation = ticks.hasNonNull("simulate") ? SpecReader.ticks(ticks.get("simulate")) : null;
            List<BondDealSpec> deals = new ArrayList<>();
            for (JsonNode d : root.path("bonds").path("simulate")) {
                deals.add(SpecReader.deal(d));
            }
            return new Scenario(root.path("name").asText(dir.getFileName().toString()), simulation,
                    paths(dir, ticks.path("csv")), paths(dir, root.path("bonds").path("files")), deals,
                    paths(dir, root.path("articles")));
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> paths(Path dir, JsonNode list) {
        List<Path> out = new ArrayList<>();
        for (JsonNode p : list) {
            out.add(dir.resolve(p.asText()));
        }
        return out;
    }
}
