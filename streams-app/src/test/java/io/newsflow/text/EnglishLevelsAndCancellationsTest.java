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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Company news in wordings the fourth round missed (issue 19, fifth round): expectations negated further from
 * the change, prices the company pays, margins eroded, levels that stay strong or weak, comparatives before
 * "than", levels not reached, records "ever", orders and contracts cancelled, and levels stated with a copula.
 * Sentences written for these specifications.
 */
class EnglishLevelsAndCancellationsTest {

    private static final String GOOD = EnglishFinanceCues.GOOD_EVENT;
    private static final String BAD = EnglishFinanceCues.BAD_EVENT;
    private static final String BETTER = SentimentFeatures.CHANGE_FOR_BETTER;
    private static final String WORSE = SentimentFeatures.CHANGE_FOR_WORSE;
    private static final String FACT = EnglishFinanceCues.FACT;

    @ParameterizedTest
    @ValueSource(strings = {
            "The retailer does not expect its margin to improve in 2027.",
            "The group no longer expects revenue to grow this year."})
    void aGrowthNotExpectedIsAChangeForTheWorse(String sentence) {
        assertOnly(WORSE, BETTER, sentence);
    }

    @Test
    void aSlowdownNotExpectedIsAChangeForTheBetter() {
        assertOnly(BETTER, WORSE, "The bank does not expect lending growth to slow next year.");
    }

    @Test
    void pricesTheCompanyPaysAreACost() {
        assertOnly(WORSE, BETTER, "Higher energy prices increased the costs of the greenhouse unit.");
        assertOnly(WORSE, BETTER, "Fuel prices rose sharply in the spring.");
        assertOnly(BETTER, WORSE, "Component prices eased during the second half.");
    }

    @Test
    void materialsSoldAreNoCost() {
        assertOnly(BETTER, WORSE, "Sales of building materials rose 5 % in the quarter.");
    }

    @Test
    void whatIsErodedComesAfterTheVerb() {
        assertOnly(WORSE, BETTER, "Rising wage inflation is eroding the margins of the cleaning business.");
        assertOnly(WORSE, BETTER, "Fierce competition eroded the profitability of the chain.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Order intake remained solid in the fourth quarter.",
            "Passenger traffic stayed strong through the summer.",
            "Bookings were robust in every region."})
    void aLevelThatIsStrongIsAChangeForTheBetter(String sentence) {
        assertOnly(BETTER, WORSE, sentence);
    }

    @Test
    void aLevelThatIsWeakIsAChangeForTheWorse() {
        assertOnly(WORSE, BETTER, "Demand for paperboard stayed weak throughout the spring.");
        assertOnly(WORSE, BETTER, "Sales in the home market remained sluggish.");
    }

    @Test
    void aComparativeBeforeThanComparesTheQuantity() {
        assertOnly(BETTER, WORSE, "Deliveries were stronger than in the previous quarter.");
        assertOnly(BETTER, WORSE, "The loss from the divested unit was smaller than in 2025.");
        assertOnly(WORSE, BETTER, "The result was worse than analysts had expected.");
        assertOnly(WORSE, BETTER, "Bookings in Asia were weaker than a year ago.");
    }

    @Test
    void aComparativeWithoutThanIsNoComparison() {
        Set<String> f = features("The company wants a stronger position in the Nordic market.");
        assertFalse(f.contains(BETTER) || f.contains(WORSE), f.toString());
    }

    @Test
    void aLevelNotReachedIsAChangeForTheWorse() {
        assertOnly(WORSE, BETTER, "Net sales failed to reach the level of the comparison period.");
        assertOnly(WORSE, BETTER, "Operating profit did not match the target set for the year.");
    }

    @Test
    void aLevelReachedSaysNoDirectionAndAnAgreementReachedIsNoLevel() {
        for (String sentence : new String[] {"Sales reached the level of the previous year.",
                "The company reached an agreement with the unions on Monday."}) {
            Set<String> f = features(sentence);
            assertFalse(f.contains(BETTER) || f.contains(WORSE), sentence + " " + f);
        }
    }

    @Test
    void aSuperlativeBeforeEverIsARecord() {
        assertOnly(GOOD, BAD, "The airline carried the largest number of passengers ever in July.");
        assertOnly(BAD, GOOD, "The quarter brought the weakest demand ever seen in the market.");
        assertFalse(features("The company has paid a dividend ever since its listing.").contains(GOOD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The municipality terminated its contract with the bus operator.",
            "The deal was cancelled after the buyer failed to secure financing.",
            "The rail operator scrapped an order worth EUR 80 mn for new trains."})
    void anOrderOrAContractCancelledIsBadNews(String sentence) {
        assertOnly(BAD, GOOD, sentence);
    }

    @Test
    void anOrderWonStaysGoodNews() {
        assertOnly(GOOD, BAD, "The shipyard won an order worth EUR 300 mn.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Operating profit was EUR 4.4 mn.",
            "Revenue came to USD 230 mn in the quarter.",
            "Net sales came in at SEK 1.2 bn.",
            "The cost of the project was EUR 12 mn."})
    void aLevelStatedWithACopulaIsAFact(String sentence) {
        assertTrue(features(sentence).contains(FACT), sentence);
    }

    @Test
    void aLevelWithAComparisonKeepsItsChange() {
        Set<String> f = features("Operating profit was EUR 6.2 mn, compared with EUR 4.9 mn a year earlier.");
        assertTrue(f.contains(BETTER) && !f.contains(WORSE), f.toString());
    }

    @Test
    void aChangeMeasuredByAFigureIsOfTheClausesQuantity() {
        assertOnly(BETTER, WORSE, "The group's order intake was EUR 41 mn, 18 % higher than in the same quarter of 2025.");
        assertOnly(WORSE, BETTER, "Revenue was USD 80 million, or EUR 3 mn lower than a year ago.");
    }

    @Test
    void whatDriesUpFalls() {
        assertOnly(WORSE, BETTER, "Orders from the oil industry dried up in the spring.");
        Set<String> f = features("The company makes dry mortar for builders.");
        assertFalse(f.contains(BETTER) || f.contains(WORSE), f.toString());
    }

    @Test
    void aHitTakenIsBadNews() {
        assertOnly(BAD, GOOD, "Margins took a hit from the higher wage costs.");
        assertFalse(features("The song became a hit in Sweden.").contains(BAD));
    }

    @Test
    void aChangeWrittenAsANounWithItsFigureIsOfTheClausesQuantity() {
        assertOnly(WORSE, BETTER, "Profit before taxes was EUR 3.0 mn, a decline of 15 % year-on-year.");
        assertOnly(BETTER, WORSE, "The turnover of the group was EUR 310 mn, representing growth of 9 %.");
        assertOnly(WORSE, BETTER, "The unit recorded an increase of EUR 2 mn in costs.");
    }

    @Test
    void growthSetAsAGoalIsNoChange() {
        Set<String> f = features("The plan aims at organic growth of 6 % a year.");
        assertFalse(f.contains(BETTER) || f.contains(WORSE), f.toString());
    }

    @Test
    void growthWithoutAFigureStaysAQuantity() {
        assertOnly(WORSE, BETTER, "Growth in the services business slowed in the autumn.");
    }

    @Test
    void dilutedEarningsAreAFigureNotAnEvent() {
        assertOnly(BETTER, WORSE, "Diluted earnings per share rose to EUR 0.54 from EUR 0.48.");
        assertFalse(features("Diluted earnings per share rose to EUR 0.54 from EUR 0.48.").contains(BAD));
        assertTrue(features("The share issue will be dilutive to earnings in 2027.").contains(BAD));
    }

    @Test
    void anInvestmentInCapacityIsGoodNewsButAnInvestmentOfAFundIsNone() {
        assertOnly(GOOD, BAD, "The company will invest EUR 20 mn in a new production line in Oulu.");
        assertOnly(GOOD, BAD, "The dairy is investing in a new cheese factory in Jutland.");
        assertFalse(features("The company invests in research and development.").contains(GOOD));
        assertFalse(features("The investment will be financed with a bond.").contains(GOOD));
        assertFalse(features("The group invested EUR 5 mn in product design last year.").contains(GOOD));
        assertFalse(features("The investment is funded from existing credit facilities.").contains(GOOD));
    }

    @Test
    void aRoutIsBadNewsButRoutingIsNone() {
        assertTrue(features("The rout in bank shares continued on Friday.").contains(BAD));
        assertFalse(features("The new routing software took effect in May.").contains(BAD));
        assertFalse(features("The airline opened two new routes.").contains(BAD));
    }

    @Test
    void aChangeOfTheCompanysOwnFiguresWithNothingAgainstItDecidesAPolarCallOfTheOtherSign() {
        Set<String> f = features("Freight costs fell by 7 % as the new routing system took effect.");
        assertTrue(f.contains(BETTER) && f.contains(SentimentFeatures.METRIC_CHANGE), f.toString());
        EnumMap<SentimentLabel, Double> p = probabilities(0.5, 0.2, 0.3);

        EventPrecedence.apply(Set.of(BETTER, SentimentFeatures.METRIC_CHANGE), p);

        assertEquals(probabilities(0.3, 0.2, 0.5), p);
    }

    @Test
    void aChangeOfTheCompanysOwnFiguresWithAToneWordAgainstItLeavesThePolarCall() {
        EnumMap<SentimentLabel, Double> p = probabilities(0.5, 0.2, 0.3);

        EventPrecedence.apply(Set.of(BETTER, SentimentFeatures.METRIC_CHANGE, "lex:-"), p);

        assertEquals(probabilities(0.5, 0.2, 0.3), p);
        EnumMap<SentimentLabel, Double> shares = probabilities(0.5, 0.2, 0.3);
        EventPrecedence.apply(Set.of(BETTER), shares);
        assertEquals(probabilities(0.5, 0.2, 0.3), shares, "a change of no figure of the company's leaves it too");
    }

    @Test
    void subscribersAndUsersWonOrLostAreCustomers() {
        assertOnly(GOOD, BAD, "The streaming service added 40,000 paying subscribers in the spring.");
        assertOnly(BAD, GOOD, "The cable operator lost subscribers to a cheaper rival.");
    }

    @Test
    void aTrialThatFailedToMeetItsGoalIsBadNewsAndOneThatMetItGood() {
        assertOnly(BAD, GOOD, "The vaccine failed to meet its main endpoint in the second trial.");
        assertOnly(GOOD, BAD, "The study met its primary endpoint, the company said.");
    }

    @Test
    void aLicenceOrAnAuthorisationGrantedIsGoodNews() {
        assertOnly(GOOD, BAD, "The operator was granted a licence to build a wind farm off the coast.");
        assertOnly(GOOD, BAD, "The insulin maker obtained marketing authorisation in Canada.");
        assertFalse(features("The publisher signed two top-selling authors.").contains(GOOD), "authors are no authorisation");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The retailer will close 12 shops in Norway.",
            "The brewery chain will shut its brewery in Pori.",
            "A fire at the sawmill halted output for a week.",
            "A strike disrupted production at the smelter in March."})
    void sitesClosedOrDisruptedAreBadNews(String sentence) {
        assertOnly(BAD, GOOD, sentence);
    }

    @Test
    void aFireSafetyBusinessIsNoFire() {
        assertFalse(features("The fire safety unit sells extinguishers.").contains(BAD));
        assertFalse(features("Shots were fired at the protesters outside the plant.").contains(BAD));
    }

    @Test
    void aFleetExpandedIsGoodNews() {
        assertOnly(GOOD, BAD, "The ferry company is expanding its fleet with two new ships.");
    }

    @Test
    void aContractEndedByTheCustomerIsBadNewsButTheEndOfAContractPeriodIsNone() {
        assertOnly(BAD, GOOD, "The logistics group ended its contract with the port operator.");
        assertFalse(features("At the end of the contract period the equipment is returned.").contains(BAD));
    }

    @Test
    void churnIsABadQuantity() {
        assertOnly(BETTER, WORSE, "Customer churn fell to 9 % from 12 %.");
    }

    @Test
    void aSuperlativeSinceAYearIsARecord() {
        assertOnly(GOOD, BAD, "Passenger numbers were the highest since 2018.");
        assertFalse(features("The company has been listed since 2004.").contains(GOOD));
    }

    @Test
    void sharesTradedUnderATickerAreAFact() {
        assertTrue(features("The company's shares trade under the symbol VALO.").contains(FACT));
    }

    @Test
    void theShippedModelKeepsTheCompanyNewsSentencesOfTheFifthRoundWrittenBlind() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-blind5-en.tsv");

        // measured 0.940 / 0.921 blind (docs/quality.md); a guard against regressions, not a tuning target
        assertEquals(150, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.92, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.9, "plain facts stay neutral: " + evaluation.summary());
    }

    @Test
    void theShippedModelKeepsTheCompanyNewsSentencesWrittenBlindAfterTheFifthRoundsFixes() {
        SentimentEvaluation evaluation = shippedModelOn("src/test/resources/sentiment/press-blind6-en.tsv");

        // measured 0.875 / 0.829 blind (docs/quality.md), its errors read after; a guard against regressions, not a tuning target
        assertEquals(80, evaluation.n());
        assertTrue(evaluation.accuracy() >= 0.85, evaluation.summary());
        assertTrue(evaluation.recall(SentimentLabel.NEUTRAL) >= 0.9, "plain facts stay neutral: " + evaluation.summary());
    }
}
