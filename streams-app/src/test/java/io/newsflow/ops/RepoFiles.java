package io.newsflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository root (Surefire runs in the module directory) and lists files under it. */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("prometheus")) && Files.isRegularFile(dir.resolve("docs/metrics.md"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with prometheus/ and docs/metrics.md) not found above "
                + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files directly in {@code relativeDir} whose name ends with {@code suffix}, sorted. */
    static List<Path> list(String relativeDir, String suffix) {
        try (Stream<Path> files = Files.list(path(relativeDir))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
