package io.newsflow.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Japanese model's training data, from the layout of {@code ../shared/datasets/sentiment}: the securities-report
 * sentences of chABSA ({@code ja-chabsa/train.tsv}, 2 classes) and the Economy Watchers comments
 * ({@code ja-economy-watchers/train.tsv}, {@code label<TAB>text}, 3 classes). Each set's hash-held-out part
 * ({@link SentimentDatasets#heldOut}) is kept apart, never trained on. The report sentences are repeated
 * {@value #REPORT_REPEATS} times in training: about 1,600 of them against about 96,000 comments (a seventh of the training
 * rows once repeated), they would
 * otherwise count for too little to keep polar report sentences from being called neutral.
 */
public final class JapaneseTrainingData {

    static final int REPORT_REPEATS = 10;
    public static final String REPORTS = "ja-chabsa/train.tsv";
    public static final String COMMENTS = "ja-economy-watchers/train.tsv";

    private final List<LabelledSentence> training = new ArrayList<>();
    private final List<LabelledSentence> reportsHeldOut = new ArrayList<>();
    private final List<LabelledSentence> commentsHeldOut = new ArrayList<>();
    private int reportsTrained;
    private int commentsTrained;

    private JapaneseTrainingData() {
    }

    public static JapaneseTrainingData read(Path dataDir) {
        JapaneseTrainingData data = new JapaneseTrainingData();
        for (LabelledSentence s : SentimentDatasets.readChabsa(dataDir.resolve(REPORTS))) {
            if (SentimentDatasets.heldOut(s.text())) {
                data.reportsHeldOut.add(s);
            } else {
                data.reportsTrained++;
                for (int r = 0; r < REPORT_REPEATS; r++) {
                    data.training.add(s);
                }
            }
        }
        for (LabelledSentence s : SentimentDatasets.readTsv(dataDir.resolve(COMMENTS))) {
            if (SentimentDatasets.heldOut(s.text())) {
                data.commentsHeldOut.add(s);
            } else {
                data.commentsTrained++;
                data.training.add(s);
            }
        }
        return data;
    }

    /** What the model is trained on, report sentences repeated. */
    public List<LabelledSentence> training() {
        return training;
    }

    public List<LabelledSentence> reportsHeldOut() {
        return reportsHeldOut;
    }

    public List<LabelledSentence> commentsHeldOut() {
        return commentsHeldOut;
    }

    /** One line for the model file's header. */
    public String describe() {
        return REPORTS + " without its hash-held-out fifth (" + reportsTrained + " sentences, each "
                + REPORT_REPEATS + " times; chABSA-dataset, TIS Inc., CC BY 4.0) and " + COMMENTS
                + " without its hash-held-out fifth (" + commentsTrained + " comments; Economy Watchers Survey, "
                + "Cabinet Office, Government of Japan; dataset by the economy-watchers-survey project, CC BY 4.0)";
    }
}
