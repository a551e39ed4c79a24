package io.newsflow.text;

import static io.newsflow.text.EnglishCues.assertOnly;
import static io.newsflow.text.EnglishCues.features;
import static io.newsflow.text.EnglishCues.shippedModelOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Company news in wordings the third round missed (issue 19, fourth round): customers won or lost, a rating
 * outlook, plans beaten or missed, results hit by or weighed on, records "in its history", supply deals, savings
 * delivered, a company that collapsed, a level that is negative or positive, figures with a minus sign and
 * percentages compared, levels above or below a comparison, approvals received. Sentences written for these
 * specifications.
 */
class EnglishPressWordingTest {

    private static final String GOOD = EnglishFinanceCues.GOOD_EVENT;
    private static final String BAD = EnglishFinanceCues.BAD_EVENT;
    private static final String BETTER = SentimentFeatures.CHANGE_FOR_BETTER;
    private static final String WORSE = SentimentFeatures.CHANGE_FOR_WORSE;

    @ParameterizedTest
    @ValueSource(strings = {
            "The bank won 3,000 new clients in the quarter.",
            "The company gained several large customers in Germany.",
            "The software house has added a new customer in the insurance sector."})
    void customersWonAreGoodNews(String sentence) {
        assertOnly(GOOD, BAD, sentence);
    }

    @Test
    void aCustomerLostIsBadNews() {
        assertOnly(BAD, GOOD, "The operator lost two of its major customers to a rival.");
    }

    @Test
    void customersAreAQuantityAsTheSubjectOfAChangeOnly() {
        assertOnly(BETTER, WORSE, "The number of clients grew by 8 % in the year.");
        Set<String> f = features("The utility had to cut power to 20,000 customers after the storm.");
        assertFalse(f.contains(WORSE), "the customers are whom the cut concerns: " + f);
    }

    @Test
    void aRatingOutlookSaysItsToneNotTheStateItLeft() {
        assertOnly(BAD, GOOD, "S&P changed the outlook on the insurer to negative from stable.");
        assertOnly(GOOD, BAD, "The agency revised its outlook on the lender to positive from negative.");
    }

    @Test
    void aheadOfAPlanIsGoodNewsAndBehindItBad() {
        assertOnly(GOOD, BAD, "The construction of the terminal is running ahead of schedule.");
        assertOnly(BAD, GOOD, "Deliveries of the new trains are behind schedule.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Earnings were hit by higher freight costs.",
            "Weak sales in China weighed on the result.",
            "Rising energy prices continued to squeeze margins.",
            "Price pressure on the mill's products persisted through the spring.",
            "Margin pressure increased in the second half."})
    void whatHitOrWeighsOnTheResultIsBadNews(String sentence) {
        assertOnly(BAD, GOOD, sentence);
    }

    @Test
    void aFigureThatHitsARecordIsNoBlow() {
        assertFalse(features("Sales hit a record EUR 2.1 bn in the year.").contains(BAD));
    }

    @Test
    void aSuperlativeInTheCompanysHistoryIsARecordOfItsKind() {
        assertOnly(GOOD, BAD, "The contract is the largest in the group's history.");
        assertOnly(GOOD, BAD, "Bookings reached the highest level in the company's history.");
        assertOnly(BAD, GOOD, "The quarter brought the biggest loss in the company's history.");
        assertOnly(BAD, GOOD, "Its rating is now the lowest in its history.");
    }

    @Test
    void aSupplyDealSavingsDeliveredAndANetworkExpandedAreGoodNews() {
        assertOnly(GOOD, BAD, "The firm signed a supply contract with a Swedish carmaker.");
        assertOnly(GOOD, BAD, "The efficiency programme achieved savings of EUR 4 mn.");
        assertOnly(GOOD, BAD, "The retailer expanded its distribution network to 140 outlets.");
        assertFalse(features("She previously worked at a savings bank in Turku.").contains(GOOD));
        assertFalse(features("Deliveries under the agreement will begin in May.").contains(GOOD));
    }

    @Test
    void aCompanyThatCollapsedIsBadNewsButACollapseAvoidedOrAFigureThatCollapsedIsNoEvent() {
        assertOnly(BAD, GOOD, "The airline collapsed last year after it failed to refinance its loans.");
        assertFalse(features("Producers want to avoid a collapse in prices.").contains(BAD));
        assertOnly(WORSE, BAD, "Operating profit collapsed to EUR 1.2 mn.");
    }

    @Test
    void aLevelCalledNegativeOrPositiveIsAChange() {
        assertOnly(WORSE, BETTER, "Operating cash flow was negative in the first half.");
        assertOnly(BETTER, WORSE, "The unit's operating result remained positive.");
        assertTrue(features("Operating cash flow was negative in the first half.")
                .contains(SentimentFeatures.METRIC_CHANGE));
    }

    @Test
    void aMinusSignIsPartOfTheFigureAndADashOfARangeIsNot() {
        assertOnly(WORSE, BETTER, "Earnings per share were EUR -0.05, against EUR 0.11 a year ago.");
        assertOnly(BETTER, WORSE, "The result per share was EUR -0.04, compared with EUR -0.19 in 2025.");
        assertOnly(BETTER, WORSE, "Sales are seen at EUR 300-320 mn, compared with EUR 280 mn this year.");
    }

    @Test
    void percentagesAreComparedWithPercentagesNotWithLevels() {
        assertOnly(WORSE, BETTER, "The operating margin was 8.4 %, compared with 10.1 % a year earlier.");
        Set<String> f = features("Service revenue grew 5 % from EUR 90 mn in the comparison period.");
        assertTrue(f.contains(BETTER) && !f.contains(WORSE), "grew, not 5 against 90: " + f);
    }

    @Test
    void aReturnOnCapitalIsAGoodQuantity() {
        assertOnly(BETTER, WORSE, "Return on capital employed was 17.2 %, compared with 13.9 % in 2025.");
        assertOnly(WORSE, BETTER, "The return on investment fell to 6 %.");
    }

    @Test
    void aboveOrBelowALevelOfComparisonIsALevelUpOrDown() {
        assertOnly(WORSE, BETTER, "Deliveries were well below the level of the previous year.");
        assertOnly(BETTER, WORSE, "The unit's margin remained above the group average.");
        Set<String> f = features("The plant is located below the dam.");
        assertFalse(f.contains(WORSE) || f.contains("dir:down"), f.toString());
    }

    @Test
    void aRegulatoryApprovalReceivedIsGoodNewsButOneAwaitedIsNone() {
        assertOnly(GOOD, BAD, "The drug maker obtained marketing approval for its asthma inhaler in Japan.");
        assertOnly(GOOD, BAD, "The device has received FDA clearance.");
        assertFalse(features("The sale is expected to close in May, subject to regulatory approval.").contains(GOOD));
    }

    @Test
    void sharesTradedOnAnExchangeAreAFact() {
        assertTrue(features("The bank's shares are traded on the main list of the Oslo exchange.")
                .contains(EnglishFinanceCues.FACT));
    }

    @Test
    void liftedIsARiseButALiftIsAProduct() {
        assertOnly(BETTER, WORSE, "Strong demand lifted the order backlog to EUR 900 mn.");
        Set<String> f = features("The group sells lifts and escalators in 60 countries.");
        assertFalse(f.contains(BETTER) || f.contains("dir:up"), f.toString());
    }

    @Test
    void theShippedModelKeepsTheCompanyNewsSentencesOfTheFourthRoundWrittenBlind() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-blind3-en.tsv");

        // measured 0.924 / 0.907 blind (docs/quality.md); a guard against regressions, not a tuning target
        assertEquals(198, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.90, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.9, "plain facts stay neutral: " + evaluation.summary());
    }

    @Test
    void theShippedModelKeepsTheCompanyNewsSentencesWrittenBlindAfterTheFourthRoundsFixes() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-blind4-en.tsv");

        // measured 0.910 / 0.890 blind (docs/quality.md); a guard against regressions, not a tuning target
        assertEquals(100, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.88, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.9, "plain facts stay neutral: " + evaluation.summary());
    }
}
