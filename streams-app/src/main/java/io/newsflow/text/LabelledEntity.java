package io.newsflow.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The known tone toward one named entity in a text ("X rose while Y slumped": X positive, Y negative), for
 * training and evaluating tone per entity. File form: {@code label<TAB>entity<TAB>text}, UTF-8, blank and
 * {@code #} lines skipped.
 */
public record LabelledEntity(SentimentLabel label, String entity, String text) {

    /** Reads {@code label<TAB>entity<TAB>text} lines; a malformed line fails with its location. */
    public static List<LabelledEntity> readTsv(Path path) {
        List<LabelledEntity> labelled = new ArrayList<>();
        TsvFile.read(TsvFile.open(path), path.toString(), (line, location) -> {
            String[] columns = line.split("\t", 3);
            if (columns.length != 3 || columns[1].isBlank() || columns[2].isBlank()) {
                throw new IllegalArgumentException(location + ": expected 'label<TAB>entity<TAB>text', got: " + line);
            }
            SentimentLabel label;
            try {
                label = SentimentLabel.parse(columns[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(location + ": " + e.getMessage());
            }
            labelled.add(new LabelledEntity(label, columns[1].strip(), columns[2].strip()));
        });
        return labelled;
    }
}
