package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.text.LabelledEntity;
import io.newsflow.text.LabelledSentence;
import io.newsflow.text.Language;
import io.newsflow.text.SentimentDatasets;
import io.newsflow.text.SentimentEvaluation;
import io.newsflow.text.TextAnalysis;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow eval-sentiment --input FILE [--language en|ja|auto]}: runs the configured sentence scorer
 * ({@code text.sentiment.scorer}, model or lexicon) over a UTF-8 {@code label<TAB>text} file and prints per-class
 * precision, recall and F1, the confusion matrix, sentences per second and last the summary line
 * {@code accuracy=... macro_f1=... coverage=... n=...}, after the calibration of the scorer's confidence. With
 * {@code auto} (the default) each sentence's language is guessed from its script. With {@code --errors FILE} every
 * wrong answer is written there with the gold and predicted class, the confidence and the evidence. With
 * {@code --format entity} the lines are {@code label<TAB>entity<TAB>text} and
 * what is measured is the tone toward the entity ({@link io.newsflow.text.EntityToneClassifier}).
 */
@Command(name = "eval-sentiment",
        description = "Measure the sentiment scorer (text.sentiment.scorer) on a label<TAB>text file")
public final class EvalSentimentCommand implements CliCommand {

    /** The sentences' language; {@code auto} guesses each one's from its script. */
    enum LanguageChoice { en, ja, auto }

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "UTF-8 label<TAB>text file")
    private Path input;

    @Option(names = "--language", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE} (each sentence's script)")
    private LanguageChoice language;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "write every wrong answer: gold, predicted, confidence, evidence, text (TSV)")
    private Path errors;

    /** The input's lines: {@code label<TAB>text}, or {@code label<TAB>entity<TAB>text} for tone per entity. */
    enum Format { sentence, entity }

    @Option(names = "--format", defaultValue = "sentence",
            description = "sentence (label<TAB>text) or entity (label<TAB>entity<TAB>text: the tone toward the "
                    + "entity, placed by the dictionary's aliases, else by its name in the text); default: "
                    + "${DEFAULT-VALUE}")
    private Format format;

    @Override
    public int run(AppConfig config, PrintStream out) {
        if (format == Format.entity) {
            return runEntities(config, out);
        }
        List<LabelledSentence> sentences = SentimentDatasets.readTsv(input);
        TextAnalysis analysis = TextAnalysis.fromConfig(config.asMap());
        out.println("eval-sentiment: " + input + ", " + sentences.size() + " sentences, scorer " + analysis.scorerName()
                + ", language " + language);
        SentimentEvaluation evaluation = SentimentEvaluation.judge(sentences, text ->
                analysis.judgeSentence(text, language == LanguageChoice.auto ? Language.of(null, text)
                        : language == LanguageChoice.ja ? Language.JA : Language.EN));
        if (errors != null) {
            evaluation.writeErrors(errors);
            out.println("errors: " + evaluation.errorCount() + " wrong answers written to " + errors);
        }
        evaluation.print(out);
        return 0;
    }

    private int runEntities(AppConfig config, PrintStream out) {
        List<LabelledEntity> labelled = LabelledEntity.readTsv(input);
        TextAnalysis analysis = TextAnalysis.fromConfig(config.asMap());
        out.println("eval-sentiment: " + input + ", " + labelled.size() + " entity labels, scorer "
                + analysis.scorerName() + ", language " + language);
        SentimentEvaluation evaluation = analysis.entityTone().evaluate(labelled,
                language == LanguageChoice.auto ? null : language == LanguageChoice.ja ? Language.JA : Language.EN);
        if (errors != null) {
            evaluation.writeErrors(errors);
            out.println("errors: " + evaluation.errorCount() + " wrong answers written to " + errors);
        }
        evaluation.print(out);
        return 0;
    }
}
