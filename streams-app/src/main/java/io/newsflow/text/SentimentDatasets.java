package io.newsflow.text;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads labelled sentences: the project's evaluation format ({@code label<TAB>text}, label negative|neutral|positive,
 * UTF-8, blank and {@code #} lines skipped) and the two public training sets the model is built from (see
 * docs/sentiment-model.md): English financial tweets and headlines (CSV {@code text,label}, 0 bearish, 1 bullish,
 * 2 neutral) and Japanese securities-report sentences from chABSA ({@code sentence<TAB>label}, 0 negative,
 * 1 positive). Also decides, by a hash of the sentence, which sentences are held out from training.
 */
public final class SentimentDatasets {

    /** One sentence in {@value #HELD_OUT_BUCKETS} is held out: the one whose CRC-32 is 0 modulo it. */
    static final int HELD_OUT_BUCKETS = 5;

    private SentimentDatasets() {
    }

    /** Reads {@code label<TAB>text} lines; a line without a tab or with an unknown label fails with its line. */
    public static List<LabelledSentence> readTsv(Path path) {
        List<LabelledSentence> sentences = new ArrayList<>();
        TsvFile.read(TsvFile.open(path), path.toString(), (line, location) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(location + ": expected 'label<TAB>text', got: " + line);
            }
            SentimentLabel label;
            try {
                label = SentimentLabel.parse(line.substring(0, tab));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(location + ": " + e.getMessage());
            }
            sentences.add(new LabelledSentence(label, line.substring(tab + 1).strip()));
        });
        return sentences;
    }

    public static void writeTsv(List<LabelledSentence> sentences, Path path) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            for (LabelledSentence s : sentences) {
                out.write(s.label().code() + "\t" + s.text().replaceAll("\\s+", " ").strip() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** English CSV with a header {@code text,label}: 0 bearish (negative), 1 bullish (positive), 2 neutral. */
    public static List<LabelledSentence> readFinancialTweets(Path csv) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<LabelledSentence> sentences = new ArrayList<>();
        try (Reader in = TsvFile.open(csv);
             MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                     .with(CsvSchema.emptySchema().withSkipFirstDataRow(true)).readValues(in)) {
            int row = 1;
            while (rows.hasNext()) {
                String[] columns = rows.next();
                row++;
                if (columns.length != 2) {
                    throw new IllegalArgumentException(csv + " row " + row + ": expected text,label");
                }
                SentimentLabel label = switch (columns[1].strip()) {
                    case "0" -> SentimentLabel.NEGATIVE;
                    case "1" -> SentimentLabel.POSITIVE;
                    case "2" -> SentimentLabel.NEUTRAL;
                    default -> throw new IllegalArgumentException(csv + " row " + row + ": label must be 0, 1 or 2");
                };
                sentences.add(new LabelledSentence(label, columns[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return sentences;
    }

    /** chABSA sentences: {@code sentence<TAB>label<TAB>}, 0 negative, 1 positive. */
    public static List<LabelledSentence> readChabsa(Path tsv) {
        List<LabelledSentence> sentences = new ArrayList<>();
        TsvFile.read(TsvFile.open(tsv), tsv.toString(), (line, location) -> {
            String[] columns = line.split("\t");
            if (columns.length < 2 || !(columns[1].equals("0") || columns[1].equals("1"))) {
                throw new IllegalArgumentException(location + ": expected 'sentence<TAB>0|1'");
            }
            sentences.add(new LabelledSentence(columns[1].equals("1") ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE,
                    columns[0]));
        });
        return sentences;
    }

    /** Whether a sentence belongs to the held-out part: a fixed function of its text, so every run agrees. */
    public static boolean heldOut(String text) {
        return bucket(text, "") == 0;
    }

    /** A second, independent split of the training part, for choosing the regularisation. */
    static boolean validation(String text) {
        return bucket(text, "validation:") == 0;
    }

    private static long bucket(String text, String salt) {
        CRC32 crc = new CRC32();
        crc.update((salt + text.strip()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % HELD_OUT_BUCKETS;
    }

}
