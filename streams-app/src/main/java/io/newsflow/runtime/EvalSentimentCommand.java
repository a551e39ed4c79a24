package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.text.LabelledSentence;
import io.newsflow.text.Language;
import io.newsflow.text.SentimentDatasets;
import io.newsflow.text.SentimentEvaluation;
import io.newsflow.text.TextAnalysis;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code newsflow eval-sentiment --input FILE [--language en|ja|auto]}: runs the configured sentence scorer
 * ({@code text.sentiment.scorer}, model or lexicon) over a UTF-8 {@code label<TAB>text} file and prints per-class
 * precision, recall and F1, the confusion matrix, sentences per second and last the summary line
 * {@code accuracy=... macro_f1=... coverage=... n=...}. With {@code auto} (the default) each sentence's language
 * is guessed from its script.
 */
public final class EvalSentimentCommand implements Command {

    static final String USAGE = "usage: newsflow eval-sentiment --input FILE [--language en|ja|auto]";

    @Override
    public String name() {
        return "eval-sentiment";
    }

    @Override
    public String description() {
        return "Measure the sentiment scorer on a label<TAB>text file (--input FILE [--language en|ja|auto])";
    }

    @Override
    public int run(List<String> args, AppConfig config, PrintStream out) {
        Map<String, String> options = CommandOptions.parse(args, List.of("--input", "--language"), USAGE);
        Path input = Path.of(CommandOptions.required(options, "--input", USAGE));
        String language = options.getOrDefault("--language", "auto");
        if (!List.of("en", "ja", "auto").contains(language)) {
            throw new UsageException("--language must be en, ja or auto, got '" + language + "'\n" + USAGE);
        }
        List<LabelledSentence> sentences = SentimentDatasets.readTsv(input);
        TextAnalysis analysis = TextAnalysis.fromConfig(config.asMap());
        out.println("eval-sentiment: " + input + ", " + sentences.size() + " sentences, scorer " + analysis.scorerName()
                + ", language " + language);
        SentimentEvaluation evaluation = SentimentEvaluation.run(sentences, text ->
                analysis.classifySentence(text, language.equals("auto") ? Language.of(null, text)
                        : language.equals("ja") ? Language.JA : Language.EN));
        evaluation.print(out);
        return 0;
    }
}
