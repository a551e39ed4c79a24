package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
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
import java.util.Map;

/**
 * {@code newsflow train-sentiment --data DIR --out DIR [--heldout-out DIR] [--min-count N]}: trains the English
 * and Japanese sentiment models from the labelled sets in DIR (layout of {@code ../shared/datasets/sentiment}:
 * {@code en-financial-news-tweets/train.csv} and {@code valid.csv}, {@code ja-chabsa/train.tsv}) and writes
 * {@code sentiment-model-en-v1.tsv} and {@code -ja-v1.tsv} to the out directory. Held out, never trained on:
 * the English {@code valid.csv} and the Japanese sentences {@link SentimentDatasets#heldOut} picks; with
 * {@code --heldout-out} they are written as {@code label<TAB>text} files for {@code eval-sentiment}. Same data,
 * same weights.
 */
public final class TrainSentimentCommand implements Command {

    static final String USAGE = "usage: newsflow train-sentiment --data DIR --out DIR [--heldout-out DIR] [--min-count N]";
    static final int DEFAULT_MIN_COUNT = 2;

    @Override
    public String name() {
        return "train-sentiment";
    }

    @Override
    public String description() {
        return "Train the sentiment models from labelled data (--data DIR --out DIR [--heldout-out DIR])";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) {
        Map<String, String> options = CommandOptions.parse(args, List.of("--data", "--out", "--heldout-out", "--min-count"),
                USAGE);
        Path data = Path.of(CommandOptions.required(options, "--data", USAGE));
        Path outDir = Path.of(CommandOptions.required(options, "--out", USAGE));
        int minCount = CommandOptions.integer(options, "--min-count", DEFAULT_MIN_COUNT, USAGE);
        Path enDir = data.resolve("en-financial-news-tweets");
        Path jaFile = data.resolve("ja-chabsa").resolve("train.tsv");

        List<LabelledSentence> enTrain = SentimentDatasets.readFinancialTweets(enDir.resolve("train.csv"));
        List<LabelledSentence> enHeldOut = SentimentDatasets.readFinancialTweets(enDir.resolve("valid.csv"));
        List<LabelledSentence> jaTrain = new ArrayList<>();
        List<LabelledSentence> jaHeldOut = new ArrayList<>();
        for (LabelledSentence s : SentimentDatasets.readChabsa(jaFile)) {
            (SentimentDatasets.heldOut(s.text()) ? jaHeldOut : jaTrain).add(s);
        }
        createDirectories(outDir);
        SentimentTrainer trainer = new SentimentTrainer(minCount);
        train(trainer, Language.EN, enTrain, "en-financial-news-tweets/train.csv (MIT)", outDir, minCount, out);
        train(trainer, Language.JA, jaTrain, "ja-chabsa/train.tsv without its hash-held-out fifth "
                + "(chABSA-dataset, TIS Inc., CC BY 4.0)", outDir, minCount, out);
        String heldOutDir = options.get("--heldout-out");
        if (heldOutDir != null) {
            Path dir = Path.of(heldOutDir);
            createDirectories(dir);
            SentimentDatasets.writeTsv(enHeldOut, dir.resolve("heldout-en.tsv"));
            SentimentDatasets.writeTsv(jaHeldOut, dir.resolve("heldout-ja.tsv"));
            out.printf(Locale.ROOT, "held out: %s (%d sentences), %s (%d sentences)%n", dir.resolve("heldout-en.tsv"),
                    enHeldOut.size(), dir.resolve("heldout-ja.tsv"), jaHeldOut.size());
        }
        return 0;
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
