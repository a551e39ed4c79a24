package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pieces of an article's text that repeats are judged on, and the share of the text that repeats.
 * The pure part of {@link NoveltyDetector}, also used by {@code newsflow inspect}: the pieces are the
 * fragments as ingest split them (a piece repeats inside the article when its fragment has
 * {@code repeatOf}), or the body's lines when ingest did not split (a line repeats when an earlier one
 * has the same normalised text). Lengths are in characters of the normalised text
 * ({@link TextHash#normalise}).
 */
public final class ArticlePieces {

    private ArticlePieces() {
    }

    /** One fragment or line: the hash of its normalised text, its length, whether it repeats earlier text of the article. */
    public record Piece(String hash, int length, boolean repeatInside) {
    }

    public static List<Piece> of(ArticleEvent article) {
        List<Piece> pieces = new ArrayList<>();
        List<ArticleFragment> given = article.getFragments();
        if (given != null && !given.isEmpty()) {
            for (ArticleFragment f : given) {
                String text = TextHash.normalise(f.getText());
                if (!text.isEmpty()) {
                    pieces.add(new Piece(TextHash.sha256(text), text.length(), f.getRepeatOf() != null));
                }
            }
            return pieces;
        }
        Set<String> inArticle = new HashSet<>();
        for (String paragraph : article.getBody().split("\\n")) {
            String text = TextHash.normalise(paragraph);
            if (!text.isEmpty()) {
                String hash = TextHash.sha256(text);
                pieces.add(new Piece(hash, text.length(), !inArticle.add(hash)));
            }
        }
        return pieces;
    }

    /**
     * Share of the text, by characters, that is not new: pieces that repeat inside the article and
     * those {@code seenElsewhere} (earlier articles); 0 for an article without text.
     */
    public static double repeatedShare(List<Piece> pieces, Predicate<Piece> seenElsewhere) {
        long total = 0;
        long repeated = 0;
        for (Piece piece : pieces) {
            total += piece.length();
            if (piece.repeatInside() || seenElsewhere.test(piece)) {
                repeated += piece.length();
            }
        }
        return total == 0 ? 0.0 : (double) repeated / total;
    }

    /** Share of the text that repeats earlier text of the same article. */
    public static double repeatedShare(ArticleEvent article) {
        return repeatedShare(of(article), piece -> false);
    }
}
