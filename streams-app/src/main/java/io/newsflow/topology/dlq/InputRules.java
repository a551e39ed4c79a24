package io.newsflow.topology.dlq;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.PriceTick;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * How each input topic is keyed, timed and validated. The key is taken from the value (symbol,
 * deal id, article id), the event time from its timestamp field.
 */
public record InputRules<T>(String stream, Function<T, String> keyOf, Function<T, Instant> eventTimeOf,
        Function<T, Optional<Violation>> validate) {

    /** What is wrong with a decoded value. */
    public record Violation(DeadLetterReason reason, String detail) {
    }

    public static final InputRules<PriceTick> TICKS = new InputRules<>("ticks", PriceTick::getSymbol,
            PriceTick::getEventTime, InputRules::checkTick);
    public static final InputRules<BondBookUpdate> BONDS = new InputRules<>("bonds", BondBookUpdate::getDealId,
            BondBookUpdate::getEventTime, InputRules::checkBond);
    public static final InputRules<ArticleEvent> ARTICLES = new InputRules<>("articles", ArticleEvent::getId,
            ArticleEvent::getPublishedAt, InputRules::checkArticle);

    /** Checks common to every input, then the type's own rules. */
    public Optional<Violation> check(T value) {
        String key = keyOf.apply(value);
        if (key == null || key.isBlank()) {
            return violation(DeadLetterReason.MISSING_KEY, "no " + stream + " key (symbol, dealId or id) in the value");
        }
        Instant time = eventTimeOf.apply(value);
        if (time == null || time.toEpochMilli() <= 0) {
            return violation(DeadLetterReason.INVALID_TIMESTAMP, "event time " + time);
        }
        return validate.apply(value);
    }

    private static Optional<Violation> checkTick(PriceTick tick) {
        double price = tick.getPrice();
        if (Double.isNaN(price) || Double.isInfinite(price) || price <= 0) {
            return violation(DeadLetterReason.INVALID_PRICE, "price " + price + " for " + tick.getSymbol());
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkBond(BondBookUpdate update) {
        if (update.getTargetSize() <= 0) {
            return violation(DeadLetterReason.INVALID_BOND, "targetSize " + update.getTargetSize() + " <= 0");
        }
        if (update.getOrderBookSize() < 0) {
            return violation(DeadLetterReason.INVALID_BOND, "orderBookSize " + update.getOrderBookSize() + " < 0");
        }
        if (update.getStatus() == null || update.getStatus() == BondStatus.UNKNOWN) {
            return violation(DeadLetterReason.INVALID_BOND, "unknown status " + update.getStatus());
        }
        Double spread = update.getSpreadGuidanceBps();
        if (spread != null && (spread.isNaN() || spread.isInfinite())) {
            return violation(DeadLetterReason.INVALID_BOND, "spread guidance " + spread);
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkArticle(ArticleEvent article) {
        boolean noTitle = article.getTitle() == null || article.getTitle().isBlank();
        boolean noBody = article.getBody() == null || article.getBody().isBlank();
        if (noTitle && noBody) {
            return violation(DeadLetterReason.EMPTY_ARTICLE, "title and body are empty");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(DeadLetterReason reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }
}
