package io.newsflow.topology.bond;

/** What the market side keeps of each deal of an issuer: enough for alerts and the credit view. */
public record IssuerDeal(String dealId, String issuerSymbol, String status, long orderBookSize,
        double oversubscription, Double spreadTighteningBps, long lastUpdateAt) {

    /** Not priced or cancelled yet, or priced within {@code pricedWithinMs} before {@code now}. */
    public boolean isOpen(long now, long pricedWithinMs) {
        return switch (status) {
            case "CANCELLED" -> false;
            case "PRICED" -> lastUpdateAt >= now - pricedWithinMs;
            default -> true;
        };
    }

    public static String key(String issuerSymbol, String dealId) {
        return issuerSymbol + "|" + dealId;
    }
}
