package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.text.EnglishNewsData;
import io.newsflow.text.JapaneseTrainingData;
import io.newsflow.text.LabelledEntity;
import io.newsflow.text.LabelledSentence;
import io.newsflow.text.Language;
import io.newsflow.text.SentimentDatasets;
import io.newsflow.text.SentimentLexicon;
import io.newsflow.text.SentimentModel;
import io.newsflow.text.SentimentTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow train-sentiment --data DIR --out DIR [--heldout-out DIR] [--min-count N] [--min-count-ja N]}: trains
 * the English
 * and Japanese sentiment models from the labelled sets in DIR (layout of {@code ../shared/datasets/sentiment}:
 * {@code en-financial-news-tweets/train.csv} and {@code valid.csv}, {@code en-finentity/train.tsv} (see
 * {@link EnglishNewsData}; its hash-held-out paragraphs are written as {@code heldout-en-press.tsv} and
 * {@code heldout-en-entity.tsv}), {@code ja-chabsa/train.tsv}, {@code ja-economy-watchers/train.tsv}) and writes
 * {@code sentiment-model-en-v1.tsv} and {@code -ja-v1.tsv} to the out directory. Held out, never trained on:
 * the English {@code valid.csv} and the Japanese sentences and comments {@link SentimentDatasets#heldOut} picks
 * ({@link JapaneseTrainingData}); with
 * {@code --heldout-out} they are written as {@code label<TAB>text} files for {@code eval-sentiment}. Same data,
 * same weights. {@code --language en} (or {@code ja}) trains and writes one language only: the English model
 * trains in about a minute, the Japanese one (about 100,000 comments) takes far longer, and neither depends on
 * the other.
 */
@Command(name = "train-sentiment",
        description = "Train the English and Japanese sentiment models from labelled data (docs/sentiment-model.md)")
public final class TrainSentimentCommand implements CliCommand {

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "the labelled sets: en-financial-news-tweets/{train,valid}.csv, en-finentity/train.tsv, "
                    + "ja-chabsa/train.tsv, ja-economy-watchers/train.tsv")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the model files go")
    private Path outDir;

    @Option(names = "--heldout-out", paramLabel = "DIR",
            description = "also write the held-out sentences as label<TAB>text files for eval-sentiment")
    private Path heldOutDir;

    @Option(names = "--language", paramLabel = "en|ja|all", defaultValue = "all",
            description = "train (and write the held-out files of) this language only; default: ${DEFAULT-VALUE}")
    private String language;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "2",
            description = "features seen fewer times are dropped; default: ${DEFAULT-VALUE}")
    private int minCount;

    @Option(names = "--min-count-ja", paramLabel = "N", defaultValue = "3",
            description = "the same for the Japanese model, whose word triples make many rare features; default: "
                    + "${DEFAULT-VALUE}")
    private int minCountJa;

    @Override
    public int run(AppConfig config, PrintStream out) {
        boolean en = language.equals("all") || language.equals("en");
        boolean ja = language.equals("all") || language.equals("ja");
        if (!en && !ja) {
            throw new UsageException("--language must be en, ja or all, got: " + language);
        }
        createDirectories(outDir);
        if (heldOutDir != null) {
            createDirectories(heldOutDir);
        }
        if (en) {
            trainEnglish(out);
        }
        if (ja) {
            trainJapanese(out);
        }
        return 0;
    }

    private void trainEnglish(PrintStream out) {
        Path enDir = data.resolve("en-financial-news-tweets");
        List<LabelledSentence> enTrain = new ArrayList<>(SentimentDatasets.readFinancialTweets(enDir.resolve("train.csv")));
        List<LabelledSentence> enHeldOut = SentimentDatasets.readFinancialTweets(enDir.resolve("valid.csv"));
        EnglishNewsData.Split enPress = EnglishNewsData.split(
                LabelledEntity.readTsv(data.resolve("en-finentity").resolve("train.tsv")));
        enTrain.addAll(EnglishNewsData.trainingSentences(enPress.train(), SentimentLexicon.defaults(Language.EN)));
        train(new SentimentTrainer(minCount), Language.EN, enTrain, "en-financial-news-tweets/train.csv (MIT) and "
                + "en-finentity/train.tsv without its hash-held-out paragraphs (FinEntity dataset, Tang, Yang, Huang "
                + "et al., EMNLP 2023, ODC-BY 1.0)", outDir, minCount, out);
        if (heldOutDir != null) {
            SentimentDatasets.writeTsv(enHeldOut, heldOutDir.resolve("heldout-en.tsv"));
            out.printf(Locale.ROOT, "held out: %s (%d sentences)%n", heldOutDir.resolve("heldout-en.tsv"),
                    enHeldOut.size());
            EnglishNewsData.writeHeldOut(enPress.heldOut(), heldOutDir, out);
        }
    }

    private void trainJapanese(PrintStream out) {
        JapaneseTrainingData ja = JapaneseTrainingData.read(data);
        train(new SentimentTrainer(minCountJa, SentimentTrainer.C_CANDIDATES_JA), Language.JA, ja.training(),
                ja.describe(), outDir, minCountJa, out);
        if (heldOutDir != null) {
            SentimentDatasets.writeTsv(ja.reportsHeldOut(), heldOutDir.resolve("heldout-ja.tsv"));
            SentimentDatasets.writeTsv(ja.commentsHeldOut(), heldOutDir.resolve("heldout-ja-comments.tsv"));
            out.printf(Locale.ROOT, "held out: %s (%d sentences), %s (%d comments)%n",
                    heldOutDir.resolve("heldout-ja.tsv"), ja.reportsHeldOut().size(),
                    heldOutDir.resolve("heldout-ja-comments.tsv"), ja.commentsHeldOut().size());
        }
    }

    private static void train(SentimentTrainer trainer, Language language, List<LabelledSentence> sentences,
                              String source, Path outDir, int minCount, PrintStream out) {
        SentimentTrainer.Result result = trainer.train(sentences, SentimentLexicon.defaults(language));
        Path file = outDir.resolve(Path.of(SentimentModel.defaultResource(language)).getFileName());
        List<String> comments = List.of(
                "newsflow sentiment model, " + language.name().toLowerCase(Locale.ROOT) + ". Card: docs/sentiment-model.md",
                "Trained by: newsflow train-sentiment --data DIR --out DIR (min count " + minCount + ")",
                "Training data: " + source + ", " + sentences.size() + " sentences",
                String.format(Locale.ROOT, "L2-regularised logistic regression (liblinear L2R_LR), C=%s chosen on a "
                        + "validation split of the training data (accuracy %.3f)", result.c(), result.validationAccuracy()),
                "Columns: feature, then one weight per class of the @classes line");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            result.model().write(writer, comments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out.printf(Locale.ROOT, "%s: %d sentences, %d features, C=%s (validation accuracy %.3f) -> %s%n",
                language.name().toLowerCase(Locale.ROOT), sentences.size(), result.model().size(), result.c(),
                result.validationAccuracy(), file);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
