package io.newsflow.ingest;

import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.article.ArticleLoader;
import picocli.CommandLine.Option;

/** How article files are read, by {@code produce articles}, {@code produce scenario} and {@code inspect}. */
public final class ArticleOptions {

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "local",
            description = "the articles' source field; default: ${DEFAULT-VALUE}")
    String source;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + TextFiles.DEFAULT_MAX_ARTICLE_BYTES,
            description = "largest article file read, in bytes; default: ${DEFAULT-VALUE}")
    long maxBytes;

    public ArticleLoader loader() {
        return new ArticleLoader(maxBytes, source, new ArticleFactory());
    }
}
