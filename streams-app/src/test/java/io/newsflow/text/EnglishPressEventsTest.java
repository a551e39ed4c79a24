package io.newsflow.text;

import static io.newsflow.text.EnglishCues.assertOnly;
import static io.newsflow.text.EnglishCues.features;
import static io.newsflow.text.EnglishCues.probabilities;
import static io.newsflow.text.EnglishCues.shippedModelOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Company news the second round still got wrong (issue 19, third round): a clear change (a change of sign
 * between a loss and a profit, a loss that narrowed or widened) decides even against the model's words; business
 * events of both signs that were missing (tenders lost, supplier selections, impairments, production halted,
 * dividends suspended, records, expectations); a change of the company's own figures decides a neutral call; plain
 * facts stay neutral. Sentences written for these specifications.
 */
class EnglishPressEventsTest {

    private static final SentimentModel MODEL = SentimentModel.defaults(Language.EN);

    @ParameterizedTest
    @ValueSource(strings = {
            "The retailer swung to a net profit of EUR 0.9 mn from a net loss of EUR 2.4 mn.",
            "The mining group returned to profit in the third quarter.",
            "Pretax result was a profit of EUR 3 mn, against a loss of EUR 7 mn a year earlier.",
            "The net loss narrowed to EUR 1.3 mn from EUR 5.0 mn.",
            "The bank's credit losses fell sharply in the quarter.",
            "The operating loss was EUR 0.5 mn, compared with a loss of EUR 2.2 mn."})
    void aProfitAfterALossOrASmallerLossIsAClearChangeForTheBetter(String sentence) {
        assertOnly(EnglishFinanceCues.CLEAR_BETTER, EnglishFinanceCues.CLEAR_WORSE, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The shipping firm swung to an operating loss of USD 12 mn from a profit of USD 4 mn.",
            "The software unit turned to a loss in the second half.",
            "The group's net loss widened to EUR 8.8 mn.",
            "The company did not return to profit last year."})
    void aLossAfterAProfitOrALargerLossIsAClearChangeForTheWorse(String sentence) {
        assertOnly(EnglishFinanceCues.CLEAR_WORSE, EnglishFinanceCues.CLEAR_BETTER, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Shares of the retailer recovered losses in late trading.",
            "Cash flow from operations turned negative in the quarter.",
            "Operating profit rose to EUR 6.1 mn from EUR 4.0 mn."})
    void otherChangesAreNoClearChange(String sentence) {
        Set<String> f = features(sentence);
        assertFalse(f.contains(EnglishFinanceCues.CLEAR_BETTER) || f.contains(EnglishFinanceCues.CLEAR_WORSE),
                sentence + " " + f);
    }

    @Test
    void aClearChangeDecidesEvenWhenTheModelCallsTheSentencePolarTheOtherWay() {
        EnumMap<SentimentLabel, Double> p = probabilities(0.6, 0.1, 0.3);

        EventPrecedence.apply(Set.of(EnglishFinanceCues.CLEAR_BETTER, SentimentFeatures.CHANGE_FOR_BETTER), p);

        assertEquals(probabilities(0.3, 0.1, 0.6), p, "the words 'a loss of' do not outweigh the change of sign");
    }

    @Test
    void aClearChangeContradictedByAnEventOfTheOtherSignLeavesTheModelsCall() {
        EnumMap<SentimentLabel, Double> p = probabilities(0.6, 0.1, 0.3);

        EventPrecedence.apply(Set.of(EnglishFinanceCues.CLEAR_BETTER, EnglishFinanceCues.BAD_EVENT), p);

        assertEquals(probabilities(0.6, 0.1, 0.3), p);
    }

    @Test
    void theShippedModelReadsAChangeOfSignRightDespiteTheWordLoss() {
        assertEquals(SentimentLabel.POSITIVE, MODEL.predict(
                "The ferry operator swung to a pretax profit of EUR 2.1 mn after a pretax loss of EUR 3.6 mn.").label());
        assertEquals(SentimentLabel.POSITIVE, MODEL.predict(
                "Credit losses of the lender decreased to EUR 9 mn from EUR 21 mn.").label());
        assertEquals(SentimentLabel.NEGATIVE, MODEL.predict(
                "The chemicals maker swung to a loss of EUR 4 mn from a profit of EUR 6 mn.").label());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The engineering firm signed a contract to modernise the city's water plant.",
            "The group has signed an agreement to supply steel pipes to a gas producer.",
            "Kallio Foods received an order worth about EUR 8 mn from a retail chain.",
            "The cable maker was selected as the sole supplier for the offshore wind farm.",
            "The port authority chose the company to build two container cranes.",
            "Net sales reached a record EUR 510 mn.",
            "Quarterly earnings beat analysts' expectations.",
            "The company will expand its plant in Kokkola.",
            "The disposal will give the group a capital gain of about EUR 12 mn.",
            "It is the biggest order the yard has received in ten years.",
            "The merger is expected to be accretive to earnings from 2028."})
    void goodBusinessEventsOfCompanyNewsAreGoodNews(String sentence) {
        assertOnly(EnglishFinanceCues.GOOD_EVENT, EnglishFinanceCues.BAD_EVENT, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The contractor lost the tender for the new hospital to a rival.",
            "The group recognised a goodwill impairment of EUR 22 mn.",
            "The bank wrote down its loans to the property developer.",
            "Production at the paper machine was stopped for ten days.",
            "The board decided to suspend the dividend.",
            "No dividend will be paid for the financial year.",
            "The airline reported a record loss for the year.",
            "Third-quarter sales missed analysts' forecasts.",
            "Analysts said the share issue would be dilutive for existing holders."})
    void badBusinessEventsOfCompanyNewsAreBadNews(String sentence) {
        assertOnly(EnglishFinanceCues.BAD_EVENT, EnglishFinanceCues.GOOD_EVENT, sentence);
    }

    @Test
    void aChangeWhoseExpectationIsNegatedIsTheOppositeChange() {
        assertOnly(SentimentFeatures.CHANGE_FOR_WORSE, SentimentFeatures.CHANGE_FOR_BETTER,
                "The board does not expect net sales to grow this year.");
        assertOnly(SentimentFeatures.CHANGE_FOR_BETTER, SentimentFeatures.CHANGE_FOR_WORSE,
                "The board expects net sales to grow this year.");
    }

    @Test
    void anImpairmentThatIsWhatChangesIsAChangeNotAnEvent() {
        Set<String> f = features("Impairment charges decreased to EUR 3 mn from EUR 11 mn.");

        assertTrue(f.contains(SentimentFeatures.CHANGE_FOR_BETTER), f.toString());
        assertFalse(f.contains(EnglishFinanceCues.BAD_EVENT), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Most of the group's revenue comes from long-term maintenance contracts.",
            "The contract covers the delivery of ten trains and their maintenance."})
    void theNounContractIsNoDirectionOfChange(String sentence) {
        Set<String> f = features(sentence);
        assertFalse(f.contains(SentimentFeatures.CHANGE_FOR_WORSE) || f.contains("dir:down"), sentence + " " + f);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The board may buy back up to 200,000 of the company's own shares.",
            "The seller may receive an additional payment of up to EUR 3 mn.",
            "The new sales director will take up the position in May."})
    void upAsABoundOrAParticleIsNoChange(String sentence) {
        Set<String> f = features(sentence);
        assertFalse(f.contains(SentimentFeatures.CHANGE_FOR_BETTER) || f.contains("dir:up"), sentence + " " + f);
    }

    @Test
    void upWithAFigureIsAChange() {
        assertOnly(SentimentFeatures.CHANGE_FOR_BETTER, SentimentFeatures.CHANGE_FOR_WORSE,
                "Net sales were up 7 % in the quarter.");
    }

    @Test
    void aChangeOfTheCompanysOwnFiguresDecidesANeutralCallEvenAgainstTheSecondChoice() {
        Set<String> f = features("Raw material costs fell by 6 % from the previous quarter.");
        assertTrue(f.contains(SentimentFeatures.METRIC_CHANGE), f.toString());
        EnumMap<SentimentLabel, Double> p = probabilities(0.3, 0.6, 0.1);

        EventPrecedence.apply(Set.of(SentimentFeatures.CHANGE_FOR_BETTER, SentimentFeatures.METRIC_CHANGE), p);

        assertEquals(SentimentLabel.POSITIVE, label(p));
    }

    @Test
    void aShareOrAMarketIsNoFigureOfTheCompany() {
        Set<String> f = features("Shares in the utility rose 3 % on Monday.");

        assertTrue(f.contains(SentimentFeatures.CHANGE_FOR_BETTER), f.toString());
        assertFalse(f.contains(SentimentFeatures.METRIC_CHANGE), f.toString());
    }

    @Test
    void aPlainFactStaysNeutralWhateverTheModelsWords() {
        EnumMap<SentimentLabel, Double> p = probabilities(0.05, 0.4, 0.55);

        EventPrecedence.apply(Set.of(EnglishFinanceCues.FACT, "backlog"), p);

        assertEquals(SentimentLabel.NEUTRAL, label(p));
        EnumMap<SentimentLabel, Double> toned = probabilities(0.05, 0.4, 0.55);
        EventPrecedence.apply(Set.of(EnglishFinanceCues.FACT, "lex:+"), toned);
        assertEquals(SentimentLabel.POSITIVE, label(toned), "a fact with a tone word is no plain fact");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Net sales in 2026 totalled EUR 212 mn.|true",
            "The order book stood at EUR 95 mn at the end of March.|true",
            "Total: a solid quarter for the group.|false",
            "The amount of the fine was not disclosed.|false"})
    void aLevelWrittenAsALevelIsAFact(String sentence, boolean fact) {
        assertEquals(fact, features(sentence).contains(EnglishFinanceCues.FACT), sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "positive|Tornio Steel has won a EUR 30 mn contract to deliver plates for a bridge in Norway.",
            "positive|The construction group was selected as main contractor for the new stadium.",
            "positive|Comparable sales grew by 4.8 % in the quarter.",
            "positive|The operating margin improved to 9.4 % from 7.9 % thanks to lower freight costs.",
            "positive|The group more than tripled its order intake in the quarter.",
            "negative|The company booked a write-down of EUR 6 mn on its forestry assets.",
            "negative|The builder lost a EUR 50 mn framework contract with the road agency.",
            "negative|Output at the smelter was halted after a power failure.",
            "negative|The operating result deteriorated as prices fell.",
            "neutral|The company will publish its annual report in week 11.",
            "neutral|The group's order backlog totalled EUR 380 mn at the end of the period.",
            "neutral|The contract covers the design and installation of the heating system.",
            "neutral|Most of the company's revenue comes from long-term service contracts with municipalities.",
            "neutral|The new shares will be listed on Nasdaq Helsinki on 2 June.",
            "neutral|The plant produces about 40,000 tonnes of insulation material a year."})
    void theShippedModelReadsCompanyNewsOfTheThirdRound(String expected, String sentence) {
        assertEquals(SentimentLabel.parse(expected), MODEL.predict(sentence).label(), sentence + " " + MODEL.explain(sentence));
    }

    @Test
    void theShippedModelKeepsTheCompanyNewsSentencesOfTheThirdRoundWrittenBlind() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-blind2-en.tsv");

        // measured 0.954 / 0.960 blind (docs/quality.md); a guard against regressions, not a tuning target
        assertEquals(152, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.90, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.9, "plain facts stay neutral: " + evaluation.summary());
    }

    private static SentimentLabel label(EnumMap<SentimentLabel, Double> p) {
        return new SentimentModel.Prediction(p.get(SentimentLabel.NEGATIVE), p.get(SentimentLabel.NEUTRAL),
                p.get(SentimentLabel.POSITIVE), java.util.List.of(), java.util.List.of()).label();
    }
}
