package io.newsflow.topology.market.study;

/**
 * One reaction measured as an event study. Returns are simple returns as fractions.
 *
 * @param model          which model gave the expected return
 * @param alpha          the market model's intercept per bar (null unless {@link ReturnModel#MARKET_MODEL})
 * @param beta           its slope (null unless {@link ReturnModel#MARKET_MODEL})
 * @param observations   estimation bars found (both series traded in the bar)
 * @param eventBars      K, bars of the horizon in which the stock or its benchmark traded
 * @param expectedReturn over the horizon: {@code K alpha + beta R_m} (market model) or {@code R_m}
 * @param abnormalReturn holding-period return minus the expected return
 * @param car            cumulative abnormal return: the sum of the bars' abnormal returns
 * @param scar           standardised CAR, {@code CAR / sqrt(Var(CAR))}: a t statistic with n - 2 degrees of freedom
 * @param pValue         two-sided p-value of {@code scar}
 * @param significant    {@code pValue < reaction.model.significance}
 */
public record EventStudyResult(ReturnModel model, Double alpha, Double beta, int observations, int eventBars,
        Double expectedReturn, Double abnormalReturn, Double car, Double scar, Double pValue, Boolean significant) {

    static EventStudyResult none(int observations, int eventBars) {
        return new EventStudyResult(ReturnModel.NONE, null, null, observations, eventBars, null, null, null, null,
                null, null);
    }
}
