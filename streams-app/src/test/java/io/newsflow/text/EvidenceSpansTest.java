package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence is words of the text a reader can find there, with a sign and a weight, bounded in size. */
class EvidenceSpansTest {

    private static final SentimentLexicon EN = SentimentLexicon.defaults(Language.EN);
    private static final SentimentLexicon JA = SentimentLexicon.defaults(Language.JA);

    private static Map<String, CharRange> located(SentimentLexicon lexicon, String sentence) {
        SentimentFeatures features = new SentimentFeatures(lexicon);
        List<Token> tokens = features.tokenize(sentence);
        return features.located(sentence, tokens, 0, tokens.size());
    }

    private static String words(String sentence, CharRange range) {
        return sentence.substring(range.start(), range.end());
    }

    @Test
    void aSpanCoveringPartOfAWordShowsTheWholeWord() {
        String sentence = "売上高が大幅に増加した。";
        List<Token> tokens = new SentimentFeatures(JA).tokenize(sentence);
        EvidenceSpans evidence = new EvidenceSpans(sentence, tokens);
        evidence.add(new CharRange(1, 3), 0.5); // 上高: a character n-gram inside 売上高
        assertEquals(List.of(new EvidenceSpan("売上高", 0.5)), evidence.top());
    }

    @Test
    void everyFeatureRemembersTheWordsItCameFrom() {
        String sentence = "Operating profit rose to EUR 13.5 mn from EUR 9.7 mn, but costs did not fall.";
        Map<String, CharRange> features = located(EN, sentence);

        assertEquals("Operating", words(sentence, features.get("oper")));
        assertEquals("profit rose", words(sentence, features.get("profit rose")));
        assertEquals("profit rose", words(sentence, features.get(SentimentFeatures.CHANGE_FOR_BETTER)));
        assertEquals("costs did not fall", words(sentence, features.get(SentimentFeatures.CHANGE_FOR_WORSE)));
        assertEquals("not fall", words(sentence, features.get("not:fall")));
    }

    @Test
    void japaneseFeaturesRememberTheirWordsByTheSameMechanism() {
        String change = "売上高は減少しなかった。";
        assertEquals("売上高は減少しなかっ", words(change, located(JA, change).get(SentimentFeatures.CHANGE_FOR_BETTER)));

        String sentence = "C社の工場は操業を停止した。";
        Map<String, CharRange> features = located(JA, sentence);

        assertEquals("操業", words(sentence, features.get("操業")));
        assertEquals("操業を停止", words(sentence, features.get("操業 停止")));
        assertEquals("操業を停止", words(sentence, features.get("evt:操業~停止")));
        assertEquals(null, features.get("を"), "particles are no features");
    }

    @Test
    void touchingContributionsOfOneSignBecomeOneSpanAndFunctionWordsAloneAreDropped() {
        String text = "Sales rose sharply and that is what the company said.";
        List<Token> tokens = new EnglishTokenizer().tokenize(text);
        EvidenceSpans evidence = new EvidenceSpans(text, tokens);
        evidence.add(new CharRange(0, 10), 0.6);   // "Sales rose"
        evidence.add(new CharRange(6, 18), 0.3);   // "rose sharply"
        evidence.add(new CharRange(23, 27), 0.2);  // "that"

        assertEquals(List.of(new EvidenceSpan("Sales rose sharply", 0.9)), evidence.top());
    }

    @Test
    void aSpanStaysInItsSentenceEvenWhereTheNextOneTouchesIt() {
        String text = "Orion shares slide\nOrion sold bonds worth $3 billion.";
        List<Token> tokens = new EnglishTokenizer().tokenize(text);
        EvidenceSpans evidence = new EvidenceSpans(text, tokens);
        evidence.add(new CharRange(6, 18), -0.8); // "shares slide", the title
        evidence.add(new CharRange(19, 29), -0.2); // "Orion sold", the lead, right after the line break

        assertEquals(List.of(new EvidenceSpan("shares slide", -0.8), new EvidenceSpan("Orion sold", -0.2)),
                evidence.top());

        String japanese = "B社の事業は好調だ。同社は増配する。";
        EvidenceSpans ja = new EvidenceSpans(japanese, new SentimentFeatures(JA).tokenize(japanese));
        ja.add(new CharRange(6, 9), 0.5);   // 好調だ
        ja.add(new CharRange(10, 12), 0.3); // 同社, after the 。

        assertEquals(List.of(new EvidenceSpan("好調だ", 0.5), new EvidenceSpan("同社", 0.3)), ja.top());
    }

    @Test
    void oppositeSignsStaySeparateAndTheStrongestComesFirst() {
        String text = "Revenue grew, while costs soared.";
        List<Token> tokens = new EnglishTokenizer().tokenize(text);
        EvidenceSpans evidence = new EvidenceSpans(text, tokens);
        evidence.add(new CharRange(0, 12), 0.4);   // "Revenue grew"
        evidence.add(new CharRange(20, 32), -0.7); // "costs soared"

        assertEquals(List.of(new EvidenceSpan("costs soared", -0.7), new EvidenceSpan("Revenue grew", 0.4)),
                evidence.top());
    }

    @Test
    void atMostFiveSpansOfBoundedLength() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append("Orders").append(i).append(" improved considerably across every single region today. ");
        }
        List<Token> tokens = new EnglishTokenizer().tokenize(text.toString());
        EvidenceSpans evidence = new EvidenceSpans(text.toString(), tokens);
        for (Token token : tokens) {
            evidence.add(new CharRange(token.start(), token.end()), 0.1 + token.start() / 1000.0);
        }
        // the strongest by far: the twelve sentences' identical spans add up (about 41)
        evidence.add(new CharRange(0, text.length()), -100.0);

        List<EvidenceSpan> top = evidence.top();
        assertEquals(EvidenceSpans.MAX_SPANS, top.size());
        for (EvidenceSpan span : top) {
            assertTrue(span.text().length() <= EvidenceSpans.MAX_CHARS, span.toString());
        }
        assertTrue(top.get(0).text().contains(" … "), "a long stretch keeps its ends: " + top.get(0));
    }

    @Test
    void aSentenceIsExplainedByItsWords() {
        SentimentModel model = SentimentModel.parse(new StringReader("@format\tnewsflow-sentiment-model\t1\n"
                + "@language\ten\n@classes\tnegative\tneutral\tpositive\n@bias\t-1\t1\t-1\n"
                + "chg:+\t-2\t-1\t3\nthat\t0\t0\t0.5\n"), "test-model.tsv", EN);

        List<EvidenceSpan> evidence = model.explain("He said that net sales increased.");

        assertEquals(1, evidence.size(), evidence.toString());
        assertEquals("sales increased", evidence.get(0).text());
        assertTrue(evidence.get(0).weight() > 0);
        assertFalse(evidence.toString().contains("chg:"));
    }
}
