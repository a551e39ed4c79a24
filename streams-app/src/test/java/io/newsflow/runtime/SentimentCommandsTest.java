package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import io.newsflow.text.EnglishNewsData;
import io.newsflow.text.LabelledEntity;
import io.newsflow.text.LabelledSentence;
import io.newsflow.text.SentimentDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train-sentiment and eval-sentiment on a tiny data set the project writes itself, laid out like the public
 * sets the shipped models come from.
 */
class SentimentCommandsTest {

    @TempDir
    Path dir;

    private static final String[] EN_POSITIVE = {"Sales rose by 10 percent", "Profit climbed to a record",
            "Orders grew strongly", "Revenue increased again", "The stock jumped after results",
            "Margins improved in the quarter", "Demand surged for its phones", "Earnings beat estimates"};
    private static final String[] EN_NEGATIVE = {"Sales fell by 10 percent", "Profit dropped sharply",
            "Costs rose again", "The stock plunged after results", "Orders declined in the quarter",
            "Losses widened", "Demand weakened for its phones", "Earnings missed estimates"};
    private static final String[] EN_NEUTRAL = {"The meeting is on Monday", "The company is based in Ohio",
            "The report will be published in May", "It has 300 employees", "The board met on Tuesday",
            "The shares are listed in New York", "The plant is in Texas", "The call starts at noon"};
    private static final String[] JA_POSITIVE = {"売上高は増加しました", "営業利益は増益となりました",
            "受注は好調に推移しました", "販売は計画を上回りました", "費用は減少しました", "業績は回復しました"};
    private static final String[] JA_NEGATIVE = {"売上高は減少しました", "営業利益は減益となりました",
            "受注は低迷しました", "販売は計画を下回りました", "費用は増加しました", "業績は悪化しました"};

    private static final String[] JA_COMMENTS = {"positive\t客足が戻り、売上は前年を上回っている。",
            "negative\t来店客が減り、売上は落ち込んでいる。", "neutral\t客の動きは３か月前と変わらない。",
            "positive\t受注が増えており、先行きは明るい。", "negative\t受注が減り、工場の稼働も低下している。",
            "neutral\t特に目立った変化はみられない。"};

    private Path writeData() throws IOException {
        Path data = dir.resolve("data");
        Path en = Files.createDirectories(data.resolve("en-financial-news-tweets"));
        Path ja = Files.createDirectories(data.resolve("ja-chabsa"));
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < EN_POSITIVE.length; i++) {
            csv.append('"').append(EN_POSITIVE[i]).append(", said the firm\",1\n");
            csv.append(EN_NEGATIVE[i]).append(",0\n");
            csv.append(EN_NEUTRAL[i]).append(",2\n");
        }
        Files.writeString(en.resolve("train.csv"), csv);
        Files.writeString(en.resolve("valid.csv"), "text,label\nSales rose,1\nCosts rose,0\nThe call is at noon,2\n");
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < JA_POSITIVE.length; i++) {
            tsv.append(JA_POSITIVE[i]).append("\t1\t\n").append(JA_NEGATIVE[i]).append("\t0\t\n");
        }
        Files.writeString(ja.resolve("train.tsv"), tsv);
        Path comments = Files.createDirectories(data.resolve("ja-economy-watchers"));
        Files.writeString(comments.resolve("train.tsv"), String.join("\n", JA_COMMENTS) + "\n");
        Path press = Files.createDirectories(data.resolve("en-finentity"));
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            int k = i % EN_POSITIVE.length;
            String paragraph = "Alpha Corp said " + EN_POSITIVE[k].toLowerCase() + ", while Beta Inc said "
                    + EN_NEGATIVE[k].toLowerCase() + ". Gamma Ltd advised on the deal number " + i + ".";
            entities.append("positive\tAlpha Corp\t").append(paragraph).append('\n')
                    .append("negative\tBeta Inc\t").append(paragraph).append('\n')
                    .append("neutral\tGamma Ltd\t").append(paragraph).append('\n');
        }
        Files.writeString(press.resolve("train.tsv"), entities);
        return data;
    }

    private static String run(CliCommand command, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = command.run(List.of(args), AppConfig.defaults(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSameDataGivesTheSameWeights() throws Exception {
        Path data = writeData();
        run(new TrainSentimentCommand(), "--data", data.toString(), "--out", dir.resolve("a").toString(),
                "--min-count", "1");
        run(new TrainSentimentCommand(), "--data", data.toString(), "--out", dir.resolve("b").toString(),
                "--min-count", "1");
        for (String file : List.of("sentiment-model-en-v1.tsv", "sentiment-model-ja-v1.tsv")) {
            String a = Files.readString(dir.resolve("a").resolve(file));
            assertEquals(a, Files.readString(dir.resolve("b").resolve(file)), file);
            assertTrue(a.contains("\nchg:+\t"), a);
        }
    }

    @Test
    void heldOutSentencesAreWrittenForEvalAndNotTrainedOn() throws Exception {
        Path data = writeData();
        String out = run(new TrainSentimentCommand(), "--data", data.toString(), "--out", dir.resolve("m").toString(),
                "--heldout-out", dir.resolve("h").toString(), "--min-count", "1");

        List<LabelledSentence> jaHeldOut = SentimentDatasets.readTsv(dir.resolve("h").resolve("heldout-ja.tsv"));
        List<LabelledSentence> jaAll = SentimentDatasets.readChabsa(data.resolve("ja-chabsa").resolve("train.tsv"));
        List<String> expected = new ArrayList<>();
        jaAll.stream().filter(s -> SentimentDatasets.heldOut(s.text())).forEach(s -> expected.add(s.text()));
        assertEquals(expected, jaHeldOut.stream().map(LabelledSentence::text).toList());
        String model = Files.readString(dir.resolve("m").resolve("sentiment-model-ja-v1.tsv"));
        assertTrue(model.contains((jaAll.size() - expected.size()) + " sentences"), model);
        assertEquals(3, SentimentDatasets.readTsv(dir.resolve("h").resolve("heldout-en.tsv")).size());
        assertTrue(out.contains("heldout-ja.tsv"), out);
    }

    @Test
    void pressParagraphsAreHeldOutByHashWithAllTheirEntityLabelsAndTheRestIsTrainedOn() throws Exception {
        Path data = writeData();
        run(new TrainSentimentCommand(), "--data", data.toString(), "--out", dir.resolve("m").toString(),
                "--heldout-out", dir.resolve("h").toString(), "--min-count", "1");

        List<LabelledEntity> all = LabelledEntity.readTsv(data.resolve("en-finentity").resolve("train.tsv"));
        List<LabelledEntity> heldOut = LabelledEntity.readTsv(dir.resolve("h").resolve("heldout-en-entity.tsv"));
        assertEquals(all.stream().filter(e -> SentimentDatasets.heldOut(e.text())).toList(), heldOut);
        assertTrue(!heldOut.isEmpty() && heldOut.size() < all.size(), heldOut.size() + " of " + all.size());
        long trainedOn = EnglishNewsData.trainingSentences(EnglishNewsData.split(all).train(),
                io.newsflow.text.SentimentLexicon.defaults(io.newsflow.text.Language.EN)).size();
        String model = Files.readString(dir.resolve("m").resolve("sentiment-model-en-v1.tsv"));
        assertTrue(model.contains((EN_POSITIVE.length * 3 + trainedOn) + " sentences"), model);
        assertTrue(model.contains("FinEntity dataset, Tang, Yang, Huang et al., EMNLP 2023"), "attributed: " + model);
    }

    @Test
    void languageEnTrainsOnlyTheEnglishModelAndWritesThePressSentencesHeldOut() throws Exception {
        Path data = writeData();
        String out = run(new TrainSentimentCommand(), "--data", data.toString(), "--out", dir.resolve("m").toString(),
                "--heldout-out", dir.resolve("h").toString(), "--min-count", "1", "--language", "en");

        assertTrue(Files.exists(dir.resolve("m").resolve("sentiment-model-en-v1.tsv")), out);
        assertFalse(Files.exists(dir.resolve("m").resolve("sentiment-model-ja-v1.tsv")), out);
        assertFalse(Files.exists(dir.resolve("h").resolve("heldout-ja.tsv")), out);
        List<LabelledEntity> heldOut = EnglishNewsData.split(
                LabelledEntity.readTsv(data.resolve("en-finentity").resolve("train.tsv"))).heldOut();
        assertEquals(EnglishNewsData.sentenceExamples(heldOut),
                SentimentDatasets.readTsv(dir.resolve("h").resolve("heldout-en-press-sentences.tsv")));
        assertThrows(UsageException.class, () -> new TrainSentimentCommand().run(List.of("--data", data.toString(),
                "--out", dir.resolve("x").toString(), "--language", "fr"), AppConfig.defaults(), System.out));
    }

    @Test
    void evalPrintsPerClassFiguresTheConfusionMatrixAndLastTheSummaryLine() throws Exception {
        Path input = dir.resolve("eval.tsv");
        Files.writeString(input, "# label<TAB>text\npositive\tSales rose by 12 percent.\n"
                + "negative\tProfit halved and costs rose.\nneutral\tThe meeting is in May.\n");
        String out = run(new EvalSentimentCommand(), "--input", input.toString(), "--language", "en");

        List<String> lines = out.lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("accuracy=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3} coverage=\\d\\.\\d{3} n=3"),
                out);
        assertTrue(out.contains("precision") && out.contains("recall") && out.contains("f1"), out);
        assertTrue(out.contains("confusion (rows: gold, columns: predicted)"), out);
        assertTrue(out.contains("sentences_per_second="), out);
    }

    @Test
    void evalWritesEveryWrongAnswerWithItsEvidenceAndReportsCalibration() throws Exception {
        Path input = dir.resolve("eval.tsv");
        Files.writeString(input, "negative\tSales rose by 12 percent.\npositive\tProfit halved and costs rose.\n"
                + "neutral\tThe meeting is in May.\nnegative\tC社の工場はシステム障害で操業を停止した。\n");
        Path errors = dir.resolve("errors.tsv");
        String out = run(new EvalSentimentCommand(), "--input", input.toString(), "--errors", errors.toString());

        List<String> lines = out.lines().toList();
        String summary = lines.get(lines.size() - 1);
        double accuracy = Double.parseDouble(summary.replaceAll("^accuracy=(\\S+) .*", "$1"));
        List<String> wrong = Files.readAllLines(errors).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(Math.round((1 - accuracy) * 4), wrong.size(), out + wrong);
        String rose = wrong.stream().filter(l -> l.endsWith("Sales rose by 12 percent.")).findFirst().orElseThrow();
        String[] columns = rose.split("\t");
        assertEquals(5, columns.length, rose);
        assertEquals("negative", columns[0]);
        assertEquals("positive", columns[1]);
        assertTrue(Double.parseDouble(columns[2]) > 0.33, rose);
        assertTrue(columns[3].contains("+"), "the evidence toward positive: " + rose);
        assertTrue(out.contains("calibration: ece="), out);
        assertTrue(out.contains("confidence>0.8: share="), out);
    }

    @Test
    void evalOfTonePerEntityWritesTheWrongAnswersNamingTheEntity() throws Exception {
        Path input = dir.resolve("entities.tsv");
        String text = "Alpha Corp shares rose 6 % after strong quarterly sales, while Beta Inc slumped after a profit "
                + "warning.";
        Files.writeString(input, "negative\tAlpha Corp\t" + text + "\nnegative\tBeta Inc\t" + text + "\n");
        Path errors = dir.resolve("entity-errors.tsv");
        String out = run(new EvalSentimentCommand(), "--format", "entity", "--input", input.toString(),
                "--errors", errors.toString());

        List<String> wrong = Files.readAllLines(errors).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(1, wrong.size(), out + wrong);
        String[] columns = wrong.get(0).split("\t");
        assertEquals("negative", columns[0]);
        assertEquals("positive", columns[1]);
        assertTrue(columns[4].startsWith("[Alpha Corp] "), wrong.get(0));
        assertTrue(out.lines().toList().get(out.lines().toList().size() - 1).endsWith("n=2"), out);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThrows(UsageException.class, () -> new EvalSentimentCommand().run(List.of(), AppConfig.defaults(),
                System.out));
        assertThrows(UsageException.class, () -> new EvalSentimentCommand().run(
                List.of("--input", "x.tsv", "--language", "fr"), AppConfig.defaults(), System.out));
        assertThrows(UsageException.class, () -> new TrainSentimentCommand().run(List.of("--data", "d"),
                AppConfig.defaults(), System.out));
    }
}
