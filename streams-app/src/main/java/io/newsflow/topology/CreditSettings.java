package io.newsflow.topology;

import io.newsflow.config.AppConfig;

/**
 * The credit/equity view: when a strong bond book and a weak stock (or the reverse) diverge.
 *
 * @param divergenceOversubscription {@code bond.divergence.oversubscription} strong book
 * @param divergenceEquityReturn     {@code bond.divergence.equity.return} weak stock
 * @param weakOversubscription       {@code bond.divergence.weak.oversubscription} weak book
 * @param rallyEquityReturn          {@code bond.divergence.equity.rally} strong stock
 * @param openDealPricedWithin       {@code bond.open.priced.within} a priced deal still counts as open this long
 * @param equityWindow               {@code credit.equity.window} equity return window of the credit view
 */
public record CreditSettings(double divergenceOversubscription, double divergenceEquityReturn,
        double weakOversubscription, double rallyEquityReturn, Span openDealPricedWithin, Span equityWindow) {

    static CreditSettings from(AppConfig c) {
        return new CreditSettings(c.getDouble("bond.divergence.oversubscription"),
                c.getDouble("bond.divergence.equity.return"), c.getDouble("bond.divergence.weak.oversubscription"),
                c.getDouble("bond.divergence.equity.rally"), Span.of(c, "bond.open.priced.within"),
                Span.of(c, "credit.equity.window"));
    }
}
