package io.newsflow.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates test resources under src/test/resources/ingest. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource ingest/" + name, e);
        }
    }

    /** The scenario folder at the repository root (tests run with streams-app as working directory). */
    public static Path scenario(String name) {
        Path fromModule = Path.of("..", "scenarios", name);
        return fromModule.toFile().isDirectory() ? fromModule : Path.of("scenarios", name);
    }
}
